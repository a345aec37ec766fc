import type { TChatIdentityRecords, TChatLink } from "../channels/shared/ports.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";

// ChatIdentity: a platform account (platform, team or tenant, account id) → the directory
// person, with where to reach them (conversationRef: Slack's DM channel, Teams' conversation
// reference). lastSeenAt orders a person's accounts: the one used last is written to first.

const PERSON = { select: { id: true, email: true, locale: true } } as const;

type TRow = { teamId: string; platformUserId: string; conversationRef: unknown; person: { id: number; email: string; locale: string } };

const linkOf = (row: TRow): TChatLink => ({ teamId: row.teamId, userId: row.platformUserId, person: row.person, conversationRef: row.conversationRef });

/** The identity links on the application database. */
export function createChatIdentityRecords(prisma: PrismaClient): TChatIdentityRecords {
  return {
    async linkOf(platform, teamId, userId) {
      const row = await prisma.chatIdentity.findUnique({
        where: { platform_teamId_platformUserId: { platform, teamId, platformUserId: userId } },
        include: { person: PERSON },
      });
      return row === null ? null : linkOf(row);
    },
    async linksOf(platform, personId) {
      const rows = await prisma.chatIdentity.findMany({ where: { platform, personId }, orderBy: { lastSeenAt: "desc" }, include: { person: PERSON } });
      return rows.map(linkOf);
    },
    async link(platform, teamId, userId, personId, conversationRef) {
      const key = { platform, teamId, platformUserId: userId };
      // The ref is the platform's JSON (a channel id, a conversation reference): stored as given.
      const ref = JSON.parse(JSON.stringify(conversationRef ?? null)) as object;
      await prisma.chatIdentity.upsert({
        where: { platform_teamId_platformUserId: key },
        create: { ...key, personId, conversationRef: ref },
        update: { personId, conversationRef: ref, lastSeenAt: new Date() },
      });
    },
    personByEmail: (email) => prisma.person.findUnique({ where: { email }, ...PERSON }),
    personById: (personId) => prisma.person.findUnique({ where: { id: personId }, ...PERSON }),
  };
}
