import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { parse } from "node:querystring";

// A small Slack Web API on 127.0.0.1 (listen(0)): it records every call and answers like Slack
// for the methods Stagebot uses. The app is pointed at it with SLACK_API_URL (slackApiUrl).
// Nested arguments (blocks, view, files) arrive as JSON strings in a form-encoded body, as the
// real client sends them; they are parsed back here.

/** A workspace member the fake knows. */
export type TFakeUser = { id: string; email: string; teamId: string };

/** One Web API call: the method and its arguments (JSON fields parsed). */
export type TSlackCall = { method: string; args: Record<string, unknown> };

/** A message as the fake holds it: its last content and how many updates it had. */
export type TFakeMessage = { channel: string; ts: string; threadTs: string | null; text: string; blocks: unknown[]; updates: number; metadata?: unknown };

/** The bytes posted to an upload URL, and how the file was then shared. */
export type TFakeUpload = { fileId: string; filename: string; bytes: Buffer; channelId: string | null; threadTs: string | null; comment: string | null };

/** A modal or home as the fake holds it after views.open / views.update / views.publish. */
export type TFakeView = { method: string; id: string; hash: string; view: Record<string, unknown> };

/** The running fake. */
export interface TFakeSlack {
  /** The Web API base URL ("http://127.0.0.1:<port>/api/"). */
  apiUrl: string;
  calls: TSlackCall[];
  messages: TFakeMessage[];
  uploads: TFakeUpload[];
  /** Every view shown, in order (the id and hash Slack gave it). */
  views: TFakeView[];
  /** The next call of `method` fails with Slack's `error` (ok: false). */
  failNext(method: string, error: string): void;
  /** The next call of `method` is answered (and done) only after `ms` milliseconds: a slow Slack. */
  /** The next call of `method` is done, but its answer is lost (the connection drops): Slack did it, the app cannot know. */
  loseAnswerOfNext(method: string): void;
  /** Holds the next call of `method` until the returned function is called (orders events without timing). */
  holdNext(method: string): () => void;
  callsOf(method: string): TSlackCall[];
  close(): Promise<void>;
}

const JSON_FIELDS = ["blocks", "view", "files", "attachments", "metadata"];

/** The whole body of a request to a fake. */
export function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks)));
    request.on("error", reject);
  });
}

function argsOf(body: Buffer, contentType: string): Record<string, unknown> {
  const text = body.toString("utf8");
  if (contentType.includes("application/json")) return JSON.parse(text || "{}") as Record<string, unknown>;
  const args: Record<string, unknown> = { ...parse(text) };
  for (const field of JSON_FIELDS) if (typeof args[field] === "string") args[field] = JSON.parse(args[field]);
  return args;
}

function send(response: ServerResponse, body: unknown): void {
  response.writeHead(200, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
}

/** What the fake holds: the workspace, and what the app did in it. */
type TFakeState = {
  users: readonly TFakeUser[];
  messages: TFakeMessage[];
  uploads: TFakeUpload[];
  views: TFakeView[];
  counter: number;
  /** The API base URL, known once the server listens. */
  base: string;
};

type TMethod = (args: Record<string, unknown>) => unknown;

const userJson = (user: TFakeUser) => ({ id: user.id, team_id: user.teamId, deleted: false, locale: "fr-FR", profile: { email: user.email } });

function userMethods(state: TFakeState): Record<string, TMethod> {
  const answer = (user: TFakeUser | undefined, error: string) => (user ? { ok: true, user: userJson(user) } : { ok: false, error });
  return {
    "auth.test": () => ({ ok: true, user_id: "U_BOT", bot_id: "B_BOT", team_id: "T_DEMO" }),
    "users.info": (args) =>
      answer(
        state.users.find((user) => user.id === args.user),
        "user_not_found",
      ),
    "users.lookupByEmail": (args) =>
      answer(
        state.users.find((user) => user.email === args.email),
        "users_not_found",
      ),
    "conversations.open": (args) => ({ ok: true, channel: { id: `D_${String(args.users)}` } }),
  };
}

function listed(messages: readonly TFakeMessage[], args: Record<string, unknown>): object[] {
  const withMetadata = args.include_all_metadata === true || args.include_all_metadata === "true";
  return messages.map((m) => ({
    type: "message",
    ts: m.ts,
    text: m.text,
    ...(m.threadTs ? { thread_ts: m.threadTs } : {}),
    ...(withMetadata && m.metadata ? { metadata: m.metadata } : {}),
  }));
}

function messageMethods(state: TFakeState): Record<string, TMethod> {
  const nextTs = () => `1700000000.${String(++state.counter).padStart(6, "0")}`;
  return {
    "chat.postMessage": (args) => {
      const threadTs = typeof args.thread_ts === "string" ? args.thread_ts : null;
      const message: TFakeMessage = {
        channel: String(args.channel),
        ts: nextTs(),
        threadTs,
        text: typeof args.text === "string" ? args.text : "",
        blocks: (args.blocks as unknown[]) ?? [],
        updates: 0,
        ...(args.metadata ? { metadata: args.metadata } : {}),
      };
      state.messages.push(message);
      return { ok: true, channel: message.channel, ts: message.ts, message: { text: message.text, blocks: message.blocks } };
    },
    // Newest first, metadata only when asked for (include_all_metadata), as Slack answers.
    "conversations.history": (args) => ({
      ok: true,
      messages: listed(
        state.messages.filter((m) => m.channel === args.channel && m.threadTs === null),
        args,
      ).reverse(),
    }),
    "conversations.replies": (args) => ({
      ok: true,
      messages: listed(
        state.messages.filter((m) => m.channel === args.channel && (m.ts === args.ts || m.threadTs === args.ts)),
        args,
      ),
    }),
    "chat.update": (args) => {
      const message = state.messages.find((candidate) => candidate.channel === args.channel && candidate.ts === args.ts);
      if (!message) return { ok: false, error: "message_not_found" };
      Object.assign(message, { text: typeof args.text === "string" ? args.text : "", blocks: (args.blocks as unknown[]) ?? [], updates: message.updates + 1 });
      return { ok: true, channel: message.channel, ts: message.ts };
    },
  };
}

function viewMethods(state: TFakeState): Record<string, TMethod> {
  const show = (method: string, args: Record<string, unknown>, id: string) => {
    const hash = `h${++state.counter}`;
    const view = { ...(args.view as Record<string, unknown>), id, hash };
    state.views.push({ method, id, hash, view });
    return { ok: true, view };
  };
  return {
    "views.open": (args) => show("views.open", args, `V${++state.counter}`),
    "views.update": (args) =>
      state.views.some((view) => view.id === args.view_id) ? show("views.update", args, String(args.view_id)) : { ok: false, error: "not_found" },
    "views.publish": (args) => show("views.publish", args, `VH_${String(args.user_id)}`),
  };
}

function fileMethods(state: TFakeState): Record<string, TMethod> {
  return {
    "files.getUploadURLExternal": (args) => {
      const fileId = `F${++state.counter}`;
      state.uploads.push({ fileId, filename: String(args.filename), bytes: Buffer.alloc(0), channelId: null, threadTs: null, comment: null });
      return { ok: true, upload_url: `${state.base}upload/${fileId}`, file_id: fileId };
    },
    "files.completeUploadExternal": (args) => {
      const files = (args.files as Array<{ id: string; title?: string }>) ?? [];
      for (const file of files) {
        const upload = state.uploads.find((candidate) => candidate.fileId === file.id);
        if (upload) Object.assign(upload, { channelId: args.channel_id ?? null, threadTs: args.thread_ts ?? null, comment: args.initial_comment ?? null });
      }
      return { ok: true, files: files.map((file) => ({ id: file.id, title: file.title ?? "" })) };
    },
  };
}

/** The upload URL's POST: the client sends the bytes as multipart/form-data, read by the platform's own parser. */
async function onUpload(state: TFakeState, request: IncomingMessage, response: ServerResponse, fileId: string, body: Buffer): Promise<void> {
  const form = await new Response(body, { headers: { "content-type": String(request.headers["content-type"] ?? "") } }).formData();
  const part = [...form.values()].find((value) => typeof value !== "string");
  const upload = state.uploads.find((candidate) => candidate.fileId === fileId);
  if (!upload || part === undefined || typeof part === "string") {
    response.writeHead(400).end();
    return;
  }
  upload.bytes = Buffer.from(await part.arrayBuffer());
  response.writeHead(200, { "content-type": "text/plain" }).end("OK - 1");
}

/** Starts the fake with the workspace's members. */
export async function startFakeSlack(users: readonly TFakeUser[]): Promise<TFakeSlack> {
  const state: TFakeState = { users, messages: [], uploads: [], views: [], counter: 0, base: "" };
  const methods = { ...userMethods(state), ...messageMethods(state), ...viewMethods(state), ...fileMethods(state) };
  const calls: TSlackCall[] = [];
  const failures = new Map<string, string>();
  const holds = new Map<string, Promise<void>>();
  const lostAnswers = new Set<string>();

  async function answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readBody(request);
    const path = new URL(request.url ?? "/", "http://fake").pathname;
    const upload = /^\/api\/upload\/(F\d+)$/.exec(path);
    if (upload?.[1]) return onUpload(state, request, response, upload[1], body);
    const method = path.replace(/^\/api\//, "");
    const args = argsOf(body, String(request.headers["content-type"] ?? ""));
    calls.push({ method, args });
    const hold = holds.get(method);
    holds.delete(method);
    if (hold !== undefined) await hold;
    const failure = failures.get(method);
    failures.delete(method);
    if (failure !== undefined) return send(response, { ok: false, error: failure });
    const handler = methods[method];
    const result = handler ? handler(args) : { ok: false, error: "unknown_method" };
    if (lostAnswers.delete(method)) {
      response.socket?.destroy();
      return;
    }
    send(response, result);
  }

  const server: Server = createServer((request, response) => {
    answer(request, response).catch((error: unknown) => response.writeHead(500).end(String(error)));
  });
  server.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  state.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`;
  return {
    apiUrl: state.base,
    calls,
    messages: state.messages,
    uploads: state.uploads,
    views: state.views,
    failNext: (method, error) => failures.set(method, error),
    loseAnswerOfNext: (method) => lostAnswers.add(method),
    holdNext: (method) => {
      let release = () => {};
      holds.set(method, new Promise<void>((resolve) => (release = resolve)));
      return () => release();
    },
    callsOf: (method) => calls.filter((call) => call.method === method),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
