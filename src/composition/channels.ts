// The channels on the application database: each platform's port with the records, identities
// and message store of src/db/. The channel layer itself (src/channels/) only knows the ports.
import { createSlackApp, type TSlackApp, type TSlackAppOptions } from "../channels/slack/create-slack-app.ts";
import { createNotificationChannel } from "../channels/shared/notification-channel.ts";
import type { TNotificationChannel } from "../channels/shared/notification-router.ts";
import type { TChannelLogger } from "../channels/shared/ports.ts";
import { createPlaygroundChannel, type TPlaygroundChannel, type TPlaygroundMessages } from "../channels/web/playground-port.ts";
import { createPlaygroundRouter, type TPlaygroundDependencies } from "../channels/web/playground-router.ts";
import { createTeamsApp, type TTeamsApp, type TTeamsAppOptions } from "../channels/teams/create-teams-app.ts";
import { createChannelRecords } from "../db/channel-records.ts";
import { createChatIdentityRecords } from "../db/chat-identity-records.ts";
import { createFileOffers } from "../db/file-offers.ts";
import { createPlaygroundMessages } from "../db/playground-messages.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";

/** The playground as a channel, with its stored messages. */
export type TPlaygroundOnDatabase = { channel: TPlaygroundChannel; messages: TPlaygroundMessages; notifications: TNotificationChannel };

/** The playground's channel on the database (its port, records, identities), and its notification channel. */
export function playgroundOnDatabase(prisma: PrismaClient, logger: TChannelLogger): TPlaygroundOnDatabase {
  const messages = createPlaygroundMessages(prisma);
  const channel = createPlaygroundChannel({
    messages,
    records: createChannelRecords(prisma, "WEB"),
    identityRecords: createChatIdentityRecords(prisma),
    logger,
  });
  return { channel, messages, notifications: createNotificationChannel(channel) };
}

/** The playground's routes on the database. */
export function playgroundRouterOnDatabase(playground: TPlaygroundOnDatabase, options: Omit<TPlaygroundDependencies, "channel" | "messages">) {
  return createPlaygroundRouter({ ...options, channel: playground.channel, messages: playground.messages });
}

/** The Slack app on the database: its records (platform SLACK) and identity links. */
export function slackAppOnDatabase(prisma: PrismaClient, options: Omit<TSlackAppOptions, "records" | "identityRecords">): TSlackApp {
  return createSlackApp({ ...options, records: createChannelRecords(prisma, "SLACK"), identityRecords: createChatIdentityRecords(prisma) });
}

/** Slack as a notification channel. */
export function slackNotifications(slack: TSlackApp): TNotificationChannel {
  return createNotificationChannel(slack.effects);
}

/** The Teams app on the database: its records (platform TEAMS) and identity links. */
export function teamsAppOnDatabase(prisma: PrismaClient, options: Omit<TTeamsAppOptions, "records" | "identityRecords" | "offers">): TTeamsApp {
  return createTeamsApp({
    ...options,
    records: createChannelRecords(prisma, "TEAMS"),
    identityRecords: createChatIdentityRecords(prisma),
    offers: createFileOffers(prisma),
  });
}

/** Teams as a notification channel. */
export function teamsNotifications(teams: TTeamsApp): TNotificationChannel {
  return createNotificationChannel(teams.effects);
}
