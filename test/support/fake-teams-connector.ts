import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { readBody } from "./fake-slack-api.ts";

// A small Bot Framework connector on 127.0.0.1 (listen(0)), the serviceUrl of every activity
// the tests send: it records what the bot sends, holds each chat's messages as Teams would
// show them (sent, replaced in place), and answers the member lookups that give a Teams
// user's e-mail. Conversation ids arrive URL-encoded, as the real client sends them.

/** A Teams user the fake knows: their ids in the chat with the bot, and their e-mail. */
export type TFakeTeamsUser = { id: string; aadObjectId: string; email: string; name: string; conversationId: string };

/** A message as the chat shows it: its last content and how many times it was replaced. */
export type TFakeTeamsMessage = { conversationId: string; id: string; replyToId: string | null; activity: Record<string, unknown>; updates: number };

/** One call of the connector's REST API. */
export type TFakeTeamsCall = { method: string; path: string; body: unknown };

export interface TFakeTeams {
  /** The serviceUrl to put in activities ("http://127.0.0.1:<port>/"). */
  serviceUrl: string;
  calls: TFakeTeamsCall[];
  messages: TFakeTeamsMessage[];
  /** Files PUT to an upload URL of this fake (`${serviceUrl}upload/<name>`, as OneDrive's for a file-consent card). */
  uploads: Array<{ name: string; bytes: Buffer; contentRange: string | null }>;
  /** The next call whose path contains `fragment` fails with this HTTP status. */
  failNext(fragment: string, status: number): void;
  /** The next call whose path contains `fragment` is done, but its answer is lost (the connection drops). */
  loseAnswerOfNext(fragment: string): void;
  /** The app is not installed for this user: the bot cannot open a chat with them (403). */
  notInstalledFor(aadObjectId: string): void;
  close(): Promise<void>;
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
}

/** Starts the fake with the tenant's users. */
export async function startFakeTeams(users: readonly TFakeTeamsUser[]): Promise<TFakeTeams> {
  const calls: TFakeTeamsCall[] = [];
  const messages: TFakeTeamsMessage[] = [];
  const uploads: TFakeTeams["uploads"] = [];
  const failures = new Map<string, number>();
  const lost = new Set<string>();
  const notInstalled = new Set<string>();
  let counter = 0;

  function route(method: string, path: string, body: Record<string, unknown>, headers: IncomingMessage["headers"]): [number, unknown] {
    const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
    // The tenant's login (client credentials) and Microsoft Graph's user lookup, for people who never wrote.
    if (parts[0] === "login" && parts[2] === "oauth2" && method === "POST")
      return [200, { token_type: "Bearer", access_token: "graph-token", expires_in: 3600 }];
    if (parts[0] === "graph" && parts[1] === "v1.0" && parts[2] === "users" && parts[3] !== undefined && method === "GET") {
      if (headers.authorization !== "Bearer graph-token") return [401, { error: { code: "InvalidAuthenticationToken" } }];
      const user = users.find((candidate) => candidate.email === parts[3]?.toLowerCase());
      return user === undefined ? [404, { error: { code: "Request_ResourceNotFound" } }] : [200, { id: user.aadObjectId, accountEnabled: true }];
    }
    // v3 / conversations / {id} / activities / {activityId}?  or  members / {memberId}
    if (parts[0] !== "v3" || parts[1] !== "conversations") return [404, { error: { code: "NotFound", message: path } }];
    const conversationId = parts[2];
    // A 1:1 chat opened by the bot: the member's personal chat (refused when the app is not installed for them).
    if (conversationId === undefined && method === "POST") {
      const member = ((body["members"] ?? []) as Array<{ id?: string }>)[0]?.id;
      const user = users.find((candidate) => candidate.aadObjectId === member);
      if (user === undefined || notInstalled.has(user.aadObjectId))
        return [403, { error: { code: "BotNotInConversationRoster", message: "The bot is not part of the conversation roster." } }];
      return [201, { id: user.conversationId }];
    }
    if (parts[3] === "members" && parts[4] !== undefined && method === "GET") {
      const user = users.find((candidate) => candidate.id === parts[4] || candidate.aadObjectId === parts[4]);
      if (user === undefined) return [404, { error: { code: "MemberNotFoundInConversation", message: "not a member" } }];
      return [200, { id: user.id, name: user.name, aadObjectId: user.aadObjectId, email: user.email, userPrincipalName: user.email, tenantId: "tenant-test" }];
    }
    if (parts[3] === "activities" && conversationId !== undefined) {
      const activityId = parts[4];
      if (method === "POST") {
        const id = `msg-${++counter}`;
        messages.push({ conversationId, id, replyToId: activityId ?? null, activity: body, updates: 0 });
        return [201, { id }];
      }
      if (method === "PUT" && activityId !== undefined) {
        const message = messages.find((candidate) => candidate.conversationId === conversationId && candidate.id === activityId);
        if (message === undefined) return [404, { error: { code: "ActivityNotFoundInConversation", message: "no such activity" } }];
        Object.assign(message, { activity: body, updates: message.updates + 1 });
        return [200, { id: activityId }];
      }
      if (method === "DELETE" && activityId !== undefined) {
        const index = messages.findIndex((candidate) => candidate.conversationId === conversationId && candidate.id === activityId);
        if (index >= 0) messages.splice(index, 1);
        return [200, {}];
      }
    }
    return [404, { error: { code: "NotFound", message: `${method} ${path}` } }];
  }

  async function answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const raw = await readBody(request);
    const path = new URL(request.url ?? "/", "http://fake").pathname;
    const method = request.method ?? "GET";
    const upload = /^\/upload\/([\w.-]+)$/.exec(path);
    if (upload?.[1] !== undefined && method === "PUT") {
      uploads.push({ name: upload[1], bytes: raw, contentRange: request.headers["content-range"] ?? null });
      return send(response, 201, { id: upload[1] });
    }
    const text = raw.toString("utf8");
    const json = String(request.headers["content-type"] ?? "").includes("json");
    const body = text === "" || !json ? {} : (JSON.parse(text) as Record<string, unknown>);
    calls.push({ method, path, body });
    for (const [fragment, status] of failures) {
      if (!path.includes(fragment)) continue;
      failures.delete(fragment);
      return send(response, status, { error: { code: "Failure", message: `status ${status}` } });
    }
    const [status, result] = route(method, path, body, request.headers);
    for (const fragment of lost) {
      if (!path.includes(fragment)) continue;
      lost.delete(fragment);
      response.socket?.destroy();
      return;
    }
    send(response, status, result);
  }

  const server: Server = createServer((request, response) => {
    answer(request, response).catch((error: unknown) => send(response, 500, { error: String(error) }));
  });
  server.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  return {
    serviceUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    calls,
    messages,
    uploads,
    failNext: (fragment, status) => failures.set(fragment, status),
    loseAnswerOfNext: (fragment) => lost.add(fragment),
    notInstalledFor: (aadObjectId) => notInstalled.add(aadObjectId),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
