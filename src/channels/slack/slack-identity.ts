import type { WebClient } from "@slack/web-api";
import { z } from "zod/v4";
import { createChatIdentities, type TChatIdentities, type TPlatformAccounts } from "../shared/chat-identities.ts";
import type { TChatIdentityRecords, TChatTarget } from "../shared/ports.ts";
import { isSlackError } from "./slack-send.ts";

// A Slack user is the directory person with the e-mail of their Slack profile (users.info,
// scope users:read.email); the link saved (src/channels/shared/chat-identities.ts) keeps the DM
// channel with the bot, so that later events and notifications need no Slack call.

/** Where Stagebot writes to a Slack user: their DM channel with the bot. */
export type TSlackRef = { dmChannel: string };

/** A Slack user as the adapter speaks to them (channelId is the DM channel). */
export type TSlackTarget = TChatTarget<TSlackRef>;

/** Slack users behind people, and people behind Slack users. */
export type TSlackIdentities = TChatIdentities<TSlackRef>;

const ZSlackRef = z.object({ dmChannel: z.string().min(1) });

/** What Slack's Web API tells of its users. */
export function slackAccounts(client: WebClient): TPlatformAccounts<TSlackRef> {
  return {
    async profileOf(_teamId, userId) {
      const info = await client.users.info({ user: userId });
      return { email: info.user?.profile?.email ?? "", locale: info.user?.locale };
    },
    async open(_teamId, userId) {
      const opened = await client.conversations.open({ users: userId });
      const channel = opened.channel?.id;
      if (channel === undefined) throw new Error(`conversations.open returned no channel for ${userId}`);
      return { dmChannel: channel };
    },
    async findByEmail(email) {
      try {
        const found = await client.users.lookupByEmail({ email });
        const userId = found.user?.id;
        if (userId === undefined || found.user?.deleted === true) return null;
        return { teamId: found.user?.team_id ?? "", userId };
      } catch (error) {
        // Slack answers "users_not_found" for an e-mail no account of the workspace has.
        if (isSlackError(error, "users_not_found")) return null;
        throw error;
      }
    },
    parseRef(saved) {
      const ref = ZSlackRef.safeParse(saved);
      return ref.success ? ref.data : null;
    },
    channelOf: (ref) => ref.dmChannel,
  };
}

/** The Slack identities on the identity records, with the Web API for the first match. */
export function createSlackIdentities(deps: { records: TChatIdentityRecords; client: WebClient }): TSlackIdentities {
  return createChatIdentities("SLACK", deps.records, slackAccounts(deps.client));
}
