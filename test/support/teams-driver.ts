import { randomUUID } from "node:crypto";
import type { TFakeTeams, TFakeTeamsMessage, TFakeTeamsUser } from "./fake-teams-connector.ts";

// Drives the Teams app as Teams does: activities POSTed to /api/messages (typed text, card
// clicks as Action.Execute invokes, Action.Submit fallbacks, typeahead searches, the app's
// installation), and reads what the fake connector received back.

export const TENANT_ID = "tenant-test";
export const BOT_ID = "28:stagebot";

type TJson = Record<string, unknown>;

/** What an invoke answered: Teams' invoke response body. */
export type TInvokeAnswer = { statusCode: number; type: string; value: unknown };

/** A client of the app's /api/messages for the users of `fake`. */
export function teamsClient(messagesUrl: string, fake: TFakeTeams, headers: () => Promise<Record<string, string>> = async () => ({})) {
  const activity = (user: TFakeTeamsUser, fields: TJson): TJson => ({
    id: randomUUID(),
    channelId: "msteams",
    serviceUrl: fake.serviceUrl,
    timestamp: new Date().toISOString(),
    locale: "fr-FR",
    from: { id: user.id, aadObjectId: user.aadObjectId, name: user.name },
    recipient: { id: BOT_ID, name: "Stagebot" },
    conversation: { id: user.conversationId, conversationType: "personal", tenantId: TENANT_ID },
    channelData: { tenant: { id: TENANT_ID } },
    ...fields,
  });
  async function post(body: TJson): Promise<Response> {
    return fetch(messagesUrl, { method: "POST", headers: { "content-type": "application/json", ...(await headers()) }, body: JSON.stringify(body) });
  }
  async function invoke(body: TJson): Promise<TInvokeAnswer> {
    const response = await post(body);
    if (response.status !== 200) throw new Error(`invoke answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as TInvokeAnswer;
  }
  return {
    activity,
    post,
    /** The app installed in the user's personal scope. */
    install: (user: TFakeTeamsUser) => post(activity(user, { type: "conversationUpdate", membersAdded: [{ id: BOT_ID }] })),
    say: (user: TFakeTeamsUser, text: string, id?: string) => post(activity(user, { type: "message", text, ...(id ? { id } : {}) })),
    /** A click on an Action.Execute of the message `replyToId`. */
    execute: (user: TFakeTeamsUser, replyToId: string | undefined, verb: string, data: TJson, id?: string) =>
      invoke(
        activity(user, {
          type: "invoke",
          name: "adaptiveCard/action",
          replyToId,
          value: { action: { type: "Action.Execute", verb, data } },
          ...(id ? { id } : {}),
        }),
      ),
    /** The same click on a client that falls back to Action.Submit. */
    submit: (user: TFakeTeamsUser, replyToId: string | undefined, data: TJson) => post(activity(user, { type: "message", replyToId, value: data })),
    /** The person's answer to a file-consent card (`context` is its acceptContext / declineContext). */
    fileConsent: (user: TFakeTeamsUser, action: "accept" | "decline", context: unknown, name: string) =>
      post(
        activity(user, {
          type: "invoke",
          name: "fileConsent/invoke",
          value: {
            type: "fileUpload",
            action,
            context,
            ...(action === "accept"
              ? {
                  uploadInfo: {
                    name,
                    uploadUrl: `${fake.serviceUrl}upload/${name}`,
                    contentUrl: `https://onedrive.example/${name}`,
                    uniqueId: "unique-1",
                    fileType: "pdf",
                  },
                }
              : {}),
          },
        }),
      ),
    /** A typeahead search typed in the card of message `replyToId` (Teams sends the text and the dataset only). */
    search: (user: TFakeTeamsUser, dataset: string, queryText: string, replyToId?: string) =>
      invoke(activity(user, { type: "invoke", name: "application/search", replyToId, value: { queryText, dataset, queryOptions: { skip: 0, top: 15 } } })),
  };
}

/** The card of a message the chat shows. */
export function cardOf(message: TFakeTeamsMessage | undefined): TJson {
  const attachments = (message?.activity["attachments"] ?? []) as Array<{ contentType: string; content: TJson }>;
  return attachments.find((attachment) => attachment.contentType === "application/vnd.microsoft.card.adaptive")?.content ?? {};
}

/** The messages of a user's personal chat, oldest first. */
export function chatOf(fake: TFakeTeams, user: TFakeTeamsUser): TFakeTeamsMessage[] {
  return fake.messages.filter((message) => message.conversationId === user.conversationId);
}
