import type { WebClient } from "@slack/web-api";
import { z } from "zod/v4";
import type { Prisma, PrismaClient } from "../../generated/prisma/client.ts";
import { toLocale, type TLocale } from "../../i18n/translate.ts";

// A Slack user is the directory person with the e-mail of their Slack profile (users.info,
// scope users:read.email). Once matched, the link is kept in ChatIdentity (platform SLACK,
// teamId, platformUserId → personId) with the DM channel in conversationRef, so that later
// events and notifications need no Slack call to find whom and where.

const PLATFORM = "SLACK" as const;

/** Where and to whom the adapter speaks: a directory person, or someone the directory does not know. */
export type TSlackTarget = {
  /** Null for someone whose e-mail is not in the directory: they only get the core's answer. */
  personId: number | null;
  email: string;
  locale: TLocale;
  userId: string;
  dmChannel: string;
};

/** Finds people behind Slack users and Slack users behind people. */
export interface TSlackIdentities {
  /** The target for a Slack user (personId null when their e-mail is unknown to the directory). */
  ofUser(teamId: string, userId: string): Promise<TSlackTarget>;
  /** The Slack target of a person, or null when they have no Slack account in this workspace. */
  ofPerson(personId: number): Promise<TSlackTarget | null>;
}

const ZConversationRef = z.object({ dmChannel: z.string().min(1) });

type TIdentityRow = { platformUserId: string; conversationRef: Prisma.JsonValue | null; person: { id: number; email: string; locale: string } };

function targetOf(row: TIdentityRow): TSlackTarget | null {
  const ref = ZConversationRef.safeParse(row.conversationRef);
  if (!ref.success) return null;
  return { personId: row.person.id, email: row.person.email, locale: toLocale(row.person.locale), userId: row.platformUserId, dmChannel: ref.data.dmChannel };
}

// Slack answers "users_not_found" for an e-mail no account of the workspace has.
function isNotFound(error: unknown): boolean {
  const data = (error as { data?: { error?: unknown } } | null)?.data;
  return data?.error === "users_not_found";
}

/** The identities on the application database, with the Slack Web API for the first match. */
export function createSlackIdentities(deps: { prisma: PrismaClient; client: WebClient }): TSlackIdentities {
  const { prisma, client } = deps;
  const include = { person: { select: { id: true, email: true, locale: true } } } as const;

  async function openDm(userId: string): Promise<string> {
    const opened = await client.conversations.open({ users: userId });
    const channel = opened.channel?.id;
    if (channel === undefined) throw new Error(`conversations.open returned no channel for ${userId}`);
    return channel;
  }

  async function link(teamId: string, userId: string, person: { id: number; email: string; locale: string }): Promise<TSlackTarget> {
    const dmChannel = await openDm(userId);
    const key = { platform: PLATFORM, teamId, platformUserId: userId };
    const conversationRef = { dmChannel };
    await prisma.chatIdentity.upsert({
      where: { platform_teamId_platformUserId: key },
      create: { ...key, personId: person.id, conversationRef },
      update: { personId: person.id, conversationRef, lastSeenAt: new Date() },
    });
    return { personId: person.id, email: person.email, locale: toLocale(person.locale), userId, dmChannel };
  }

  return {
    async ofUser(teamId, userId) {
      const row = await prisma.chatIdentity.findUnique({ where: { platform_teamId_platformUserId: { platform: PLATFORM, teamId, platformUserId: userId } }, include });
      const known = row === null ? null : targetOf(row);
      if (known !== null) return known;
      const info = await client.users.info({ user: userId });
      const email = (info.user?.profile?.email ?? "").trim().toLowerCase();
      const person = email === "" ? null : await prisma.person.findUnique({ where: { email }, select: { id: true, email: true, locale: true } });
      if (person !== null) return link(teamId, userId, person);
      return { personId: null, email, locale: toLocale(info.user?.locale), userId, dmChannel: await openDm(userId) };
    },

    async ofPerson(personId) {
      const rows = await prisma.chatIdentity.findMany({ where: { platform: PLATFORM, personId }, orderBy: { lastSeenAt: "desc" }, include });
      for (const row of rows) {
        const target = targetOf(row);
        if (target !== null) return target;
      }
      // Someone who never wrote to the bot (a référent receiving their first approval card):
      // their Slack account is found by the directory's e-mail (users:read.email).
      const person = await prisma.person.findUnique({ where: { id: personId }, select: { id: true, email: true, locale: true } });
      if (person === null) return null;
      try {
        const found = await client.users.lookupByEmail({ email: person.email });
        const userId = found.user?.id;
        if (userId === undefined || found.user?.deleted === true) return null;
        return await link(found.user?.team_id ?? "", userId, person);
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
    },
  };
}
