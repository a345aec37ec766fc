import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../../src/app/app-error.ts";
import type { TConversation } from "../../src/app/ports/conversation.ts";
import { createConversation } from "../../src/app/conversation/create-conversation.ts";
import type { TCard } from "../../src/app/conversation/effects.ts";
import { applyEffects } from "../../src/channels/shared/apply-effects.ts";
import { changedThreadsOf } from "../../src/channels/web/playground-port.ts";
import { threadsOf } from "../../src/channels/web/playground-threads.ts";
import { playgroundOnDatabase, playgroundRouterOnDatabase, type TPlaygroundOnDatabase } from "../../src/composition/channels.ts";
import { progressMessageId } from "../../src/db/playground-messages.ts";
import { createHttpApp } from "../../src/http/create-http-app.ts";
import { createConversationDeps } from "../../src/composition/create-conversation-deps.ts";
import { DEMO_PEOPLE, seedDemo } from "../../src/db/seed/seed-demo.ts";
import { seedReferenceData } from "../../src/db/seed/seed-reference-data.ts";
import { createTestDatabase } from "../support/test-database.ts";

type TEventBody = { form: TCard | null; errors: Record<string, string> | null; closeForm: boolean; changedThreads: Array<number | null> };
type TThreadsBody = { threads: Array<{ conventionId: number | null; title: string | null; closed: boolean; messages: Array<{ kind: string; card: TCard }> }> };

// Two texts the core never receives: they prove how the router reports failures.
function withFailures(conversation: TConversation): TConversation {
  return {
    ...conversation,
    handle: async (identity, event) => {
      if (event.kind === "message" && event.text === "boom") throw new Error("database exploded at secret.ts:42");
      if (event.kind === "message" && event.text === "stale") throw new AppError("STALE_VERSION");
      return conversation.handle(identity, event);
    },
  };
}

describe("playground router on the real conversation core", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let server: Server;
  let base = "";
  const logged: object[] = [];
  let playground: TPlaygroundOnDatabase;
  const student = DEMO_PEOPLE.find((person) => person.role === "student");
  if (!student) throw new Error("the demo has no student");

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedReferenceData(database.prisma);
    await seedDemo(database.prisma);
    // The real core, assembled as main.ts does.
    const conversation = withFailures(createConversation(createConversationDeps(database.prisma)));
    const logger = { info: () => {}, warn: () => {}, error: (details: object) => logged.push(details) };
    playground = playgroundOnDatabase(database.prisma, logger);
    const app = createHttpApp({
      databaseKind: "postgres",
      pingDatabase: async () => {},
      logger,
      mount: (http) => http.use("/", playgroundRouterOnDatabase(playground, { conversation, people: DEMO_PEOPLE })),
    });
    server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await database?.drop();
  });

  const post = (path: string, body: unknown) =>
    fetch(`${base}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const event = async (body: unknown): Promise<TEventBody> => {
    const response = await post("/playground/events", { email: student.email, event: body });
    expect(response.status).toBe(200);
    return (await response.json()) as TEventBody;
  };
  const threads = async (): Promise<TThreadsBody["threads"]> =>
    ((await (await fetch(`${base}/playground/threads?email=${encodeURIComponent(student.email)}`)).json()) as TThreadsBody).threads;
  const versionOf = async (id: number) => (await database.prisma.convention.findUniqueOrThrow({ where: { id } })).version;
  const newConvention = async (): Promise<number> => {
    const { changedThreads } = await event({ kind: "action", verb: "new_convention", data: {} });
    const id = changedThreads[0];
    if (typeof id !== "number") throw new Error(`no convention thread in ${JSON.stringify(changedThreads)}`);
    return id;
  };

  it("serves the page, the renderer and the demo people grouped by role", async () => {
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("aucune donnée n'est envoyée à Slack ou Teams");
    const renderer = await fetch(`${base}/playground/vendor/adaptivecards.js`);
    expect(renderer.status).toBe(200);
    expect((await renderer.text()).length).toBeGreaterThan(100_000);
    expect((await fetch(`${base}/playground/static/playground.js`)).status).toBe(200);
    expect((await fetch(`${base}/playground/static/nothing.js`)).status).toBe(404);
    const people = (await (await fetch(`${base}/playground/people`)).json()) as { groups: Array<{ role: string; people: Array<{ email: string }> }> };
    expect(people.groups.map((group) => group.role)).toEqual(["student", "teacher", "gestionnaire", "admin"]);
    expect(people.groups[0]?.people[0]?.email).toBe(student.email);
  });

  it("answers 404 with a clear message for an unknown person, and stores nothing", async () => {
    const response = await fetch(`${base}/playground/threads?email=nobody@example.org`);
    expect(response.status).toBe(404);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error).toMatchObject({ code: "UNKNOWN_PERSON" });
    expect(body.error.message).toContain("nobody@example.org");
    const unknown = { email: "nobody@example.org", event: { kind: "action", verb: "new_convention", data: {} } };
    expect((await post("/playground/events", unknown)).status).toBe(404);
    expect((await post("/playground/search", { email: "nobody@example.org", query: { dataset: "enseignants", text: "a" } })).status).toBe(404);
    expect(await database.prisma.convention.count()).toBe(0);
  });

  it.each([
    ["no event", { email: student.email }, "event"],
    ["an unknown verb", { email: student.email, event: { kind: "action", verb: "drop_tables", data: {} } }, "event.verb"],
    ["a malformed e-mail", { email: "not-an-email", event: { kind: "message", text: "aide", conventionId: null } }, "email"],
    ["a negative thread", { email: student.email, event: { kind: "message", text: "aide", conventionId: -1 } }, "event.conventionId"],
  ])("answers 400 with the zod issue for %s", async (_name, body, path) => {
    const response = await post("/playground/events", body);
    expect(response.status).toBe(400);
    const payload = (await response.json()) as { error: { code: string; issues: Array<{ path: string }> } };
    expect(payload.error.code).toBe("INVALID_BODY");
    expect(payload.error.issues.map((issue) => issue.path)).toContain(path);
  });

  it("answers 400, not 500, to malformed JSON and to an unknown dataset", async () => {
    const response = await fetch(`${base}/playground/events`, { method: "POST", headers: { "content-type": "application/json" }, body: "{" });
    expect(response.status).toBe(400);
    expect((await post("/playground/search", { email: student.email, query: { dataset: "students", text: "x" } })).status).toBe(400);
  });

  it("answers a body over the limit with a real 413, localised, with a request id and no stack", async () => {
    const huge = { email: student.email, event: { kind: "message", text: "x".repeat(300 * 1024), conventionId: null } };
    const response = await post("/playground/events", huge);
    expect(response.status).toBe(413);
    const body = (await response.json()) as { error: { code: string; message: string; requestId: string } };
    expect(body.error).toMatchObject({ code: "PAYLOAD_TOO_LARGE", message: "Le contenu envoyé est trop volumineux." });
    expect(body.error.requestId).toBe(response.headers.get("x-request-id"));
  });

  it("reports an AppError with its status and a bug as a generic 500, logged, without its stack", async () => {
    const stale = await post("/playground/events", { email: student.email, event: { kind: "message", text: "stale", conventionId: null } });
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { error: { code: string } }).error.code).toBe("STALE_VERSION");

    const boom = await post("/playground/events", { email: student.email, event: { kind: "message", text: "boom", conventionId: null } });
    expect(boom.status).toBe(500);
    const text = await boom.text();
    expect(text).not.toMatch(/secret\.ts|exploded|at /);
    expect(logged).toHaveLength(1);
  });

  it("stores the progress card once per thread and updates it in place; forms go back to the page only", async () => {
    const conventionId = await newConvention();
    const [first] = await database.prisma.postedMessage.findMany({ where: { platform: "WEB", threadId: String(conventionId), kind: "progress" } });
    if (!first) throw new Error("no progress message stored");

    const opened = await event({ kind: "action", verb: "open_section", data: { conventionId, section: "etudiant" } });
    expect(opened.form?.type).toBe("AdaptiveCard");
    expect(opened.changedThreads).toEqual([]);

    const saved = await event({
      kind: "action",
      verb: "save_section",
      data: { conventionId, version: await versionOf(conventionId), section: "etudiant", langue: "FR" },
    });
    expect(saved).toMatchObject({ form: null, errors: null, closeForm: true, changedThreads: [conventionId] });

    const progress = await database.prisma.postedMessage.findMany({ where: { platform: "WEB", threadId: String(conventionId), kind: "progress" } });
    expect(progress).toHaveLength(1);
    expect(progress[0]?.id).toBe(first.id);
    expect(progress[0]?.messageId).toBe(progressMessageId(first.recipientId ?? 0, conventionId));
    expect(progress[0]?.content).not.toEqual(first.content);
    expect(progress[0]?.updatedAt.getTime()).toBeGreaterThan(first.updatedAt.getTime());
  });

  it("answers a form with errors and stores nothing", async () => {
    const conventionId = await newConvention();
    const before = await database.prisma.postedMessage.count();
    const rejected = await event({
      kind: "action",
      verb: "save_section",
      data: { conventionId, version: await versionOf(conventionId), section: "stage", dateDebut: "2027-05-01", dateFin: "2027-04-01" },
    });
    expect(rejected.form).not.toBeNull();
    expect(Object.keys(rejected.errors ?? {})).not.toHaveLength(0);
    expect(rejected.closeForm).toBe(false);
    expect(await database.prisma.postedMessage.count()).toBe(before);
  });

  it("lists threads: main conversation first, then conventions by last activity, progress card first", async () => {
    await event({ kind: "message", text: "aide", conventionId: null });
    const older = await newConvention();
    const newer = await newConvention();
    let listed = await threads();
    expect(listed[0]?.conventionId).toBeNull();
    expect(listed[0]?.messages.length).toBeGreaterThan(0);
    expect(listed.map((thread) => thread.conventionId).indexOf(newer)).toBeLessThan(listed.map((thread) => thread.conventionId).indexOf(older));

    await event({ kind: "action", verb: "open_convention", data: { conventionId: older } });
    listed = await threads();
    expect(listed[1]?.conventionId).toBe(older);
    expect(listed[1]?.messages[0]?.kind).toBe("progress");
    expect(listed[1]?.messages.slice(1).every((message) => message.kind === "post")).toBe(true);
    expect(listed[1]?.title).toBeTruthy();

    const only = (await (await fetch(`${base}/playground/threads?email=${encodeURIComponent(student.email)}&only=main,${newer}`)).json()) as TThreadsBody;
    expect(only.threads.map((thread) => thread.conventionId)).toEqual([null, newer]);
  });

  it("closes the thread of a deleted draft: its progress card replaced, the thread kept", async () => {
    const conventionId = await newConvention();
    await event({ kind: "action", verb: "delete_convention", data: { conventionId } });
    const closed = await event({ kind: "action", verb: "confirm_delete", data: { conventionId, version: await versionOf(conventionId) } });
    expect(closed.changedThreads).toEqual([conventionId]);
    expect(await database.prisma.convention.count({ where: { id: conventionId } })).toBe(0);
    const thread = (await threads()).find((candidate) => candidate.conventionId === conventionId);
    expect(thread?.closed).toBe(true);
    expect(thread?.messages[0]?.kind).toBe("closed");
    const rows = await database.prisma.postedMessage.findMany({ where: { threadId: String(conventionId), kind: { in: ["progress", "closed"] } } });
    expect(rows.map((row) => row.kind)).toEqual(["closed"]);
  });

  it("stores a notification in the recipient's own conversation, not the sender's", async () => {
    const sender = await database.prisma.person.findUniqueOrThrow({ where: { email: student.email } });
    const teacher = await database.prisma.person.findFirstOrThrow({ where: { teacher: { isNot: null } } });
    const card: TCard = { type: "AdaptiveCard", version: "1.5", body: [{ type: "TextBlock", text: "À valider" }] };
    const effects = [{ kind: "notify" as const, personId: teacher.id, conventionId: 7, card }];
    const target = await playground.channel.identities.ofPerson(sender.id);
    if (target === null) throw new Error("the student is not reachable in the playground");
    await applyEffects(playground.channel, target, effects);
    // The sender's page reloads nothing; the teacher's thread has the card.
    expect(changedThreadsOf(sender.id, effects)).toEqual([]);
    expect(threadsOf(await playground.messages.rows(sender.id), [7])).toEqual([]);
    const [thread] = threadsOf(await playground.messages.rows(teacher.id), [7]);
    expect(thread?.messages.map((message) => [message.kind, message.card])).toEqual([["notify", card]]);
  });

  it("updates a keyed notification in place (every copy of an approval card)", async () => {
    const teacher = await database.prisma.person.findFirstOrThrow({ where: { teacher: { isNot: null } } });
    const card = (text: string): TCard => ({ type: "AdaptiveCard", version: "1.5", body: [{ type: "TextBlock", text }] });
    const target = await playground.channel.identities.ofPerson(teacher.id);
    if (target === null) throw new Error("the teacher is not reachable in the playground");
    await applyEffects(playground.channel, target, [{ kind: "notify", personId: teacher.id, conventionId: 8, card: card("À valider"), key: "approval:8:1" }]);
    const decided = [{ kind: "notify" as const, personId: teacher.id, conventionId: 8, card: card("Validée par vous"), key: "approval:8:1" }];
    await applyEffects(playground.channel, target, decided);
    expect(changedThreadsOf(teacher.id, decided)).toEqual([8]);
    const [thread] = threadsOf(await playground.messages.rows(teacher.id), [8]);
    expect(thread?.messages.map((message) => message.card)).toEqual([card("Validée par vous")]);
  });

  it("answers typeahead searches from the directory", async () => {
    const response = await post("/playground/search", { email: student.email, query: { dataset: "enseignants", text: "Lamb" } });
    expect(response.status).toBe(200);
    const { choices } = (await response.json()) as { choices: Array<{ title: string; value: string }> };
    expect(choices.some((choice) => /LAMBERT Sophie/.test(choice.title))).toBe(true);
  });
});
