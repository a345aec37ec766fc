import type { TFileOffers } from "../channels/teams/teams-port.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";

// Documents offered in Teams with a file-consent card, waiting for the person's answer: kept
// in PostedMessage (platform TEAMS, kind "file-offer", messageId = the offer's token, content =
// the file), so that any instance can upload it when the answer comes, after a restart too.
// Offers older than a day are dropped on the way: by then the signed link does the job.

const KIND = "file-offer";
const LIFETIME_MS = 24 * 60 * 60 * 1000;

type TStoredOffer = { filename: string; sha256: string; base64: string };

function isOffer(value: unknown): value is TStoredOffer {
  const offer = value as Partial<TStoredOffer> | null;
  return typeof offer?.filename === "string" && typeof offer.sha256 === "string" && typeof offer.base64 === "string";
}

/** The file offers on the application database. */
export function createFileOffers(prisma: PrismaClient, clock: () => Date = () => new Date()): TFileOffers {
  return {
    async save(channelId, token, file) {
      await prisma.postedMessage.deleteMany({ where: { platform: "TEAMS", kind: KIND, createdAt: { lt: new Date(clock().getTime() - LIFETIME_MS) } } });
      const content = { filename: file.filename, sha256: file.sha256, base64: file.content.toString("base64") };
      await prisma.postedMessage.create({
        data: { platform: "TEAMS", channelId, messageId: token, kind: KIND, threadId: file.conventionId === null ? null : String(file.conventionId), content },
      });
    },
    async take(channelId, token) {
      const key = { platform_channelId_messageId: { platform: "TEAMS" as const, channelId, messageId: token } };
      const row = await prisma.postedMessage.findUnique({ where: key, select: { kind: true, content: true, createdAt: true } });
      if (row === null || row.kind !== KIND || !isOffer(row.content) || clock().getTime() - row.createdAt.getTime() > LIFETIME_MS) return null;
      return { filename: row.content.filename, sha256: row.content.sha256, content: Buffer.from(row.content.base64, "base64") };
    },
    async forget(channelId, token) {
      await prisma.postedMessage.deleteMany({ where: { platform: "TEAMS", channelId, messageId: token, kind: KIND } });
    },
  };
}
