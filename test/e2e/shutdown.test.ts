// Stopping the app while it delivers: SIGTERM to the whole process group (as systemd and a
// terminal's Ctrl-C send it) while Slack holds a chat.postMessage. The delivery in flight
// finishes, the rest of the batch is handed back, the process exits 0; the next start
// delivers what was left, and nothing is posted twice.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createConversation } from "../../src/app/conversation/create-conversation.ts";
import { createConversationDeps } from "../../src/composition/create-conversation-deps.ts";
import { createDatabase, type TDatabase } from "../../src/db/create-database.ts";
import { seedDemo } from "../../src/db/seed/seed-demo.ts";
import { seedReferenceData } from "../../src/db/seed/seed-reference-data.ts";
import { startApp } from "../support/app-process.ts";
import { DEMO, PSY, SCI } from "../support/demo.ts";
import { startFakeSlack, type TFakeSlack } from "../support/fake-slack-api.ts";
import { fillConvention, submitFromRecap } from "../support/journey.ts";
import { createEmptyDatabase } from "../support/test-database.ts";

// Every demo person has a Slack account.
const USERS = Object.entries(DEMO).map(([name, email]) => ({ id: `U_${name.toUpperCase()}`, email, teamId: "T_DEMO" }));

async function until(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`still waiting for ${what} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("SIGTERM to the process group during a delivery", () => {
  let empty: Awaited<ReturnType<typeof createEmptyDatabase>>;
  let database: TDatabase;
  let fake: TFakeSlack;

  beforeAll(async () => {
    empty = await createEmptyDatabase("stagebot_shutdown");
    database = await createDatabase({ databaseUrl: empty.url, poolSize: 2 });
    await seedReferenceData(database.prisma);
    await seedDemo(database.prisma);
    fake = await startFakeSlack(USERS);
  }, 60_000);

  afterAll(async () => {
    await fake?.close();
    await database?.close();
    await empty?.drop();
  });

  it("finishes the delivery in flight, exits 0, and the next start sends what is left, each once", async () => {
    // Léa and Inès submit: the outbox holds approval cards for the référent and DEMO-SCI's gestionnaires.
    const conversation = createConversation(createConversationDeps(database.prisma));
    const lea = await fillConvention(conversation, DEMO.lea, PSY({ dateDebut: "2027-03-01", dateFin: "2027-03-26" }));
    await submitFromRecap(conversation, DEMO.lea, lea);
    const ines = await fillConvention(conversation, DEMO.ines, SCI({ dateDebut: "2027-03-01", dateFin: "2027-03-26" }));
    await submitFromRecap(conversation, DEMO.ines, ines);
    const outbox = () => database.prisma.outboxMessage.findMany({ orderBy: { id: "asc" } });
    const rows = await outbox();
    expect(rows.length).toBeGreaterThanOrEqual(2);

    const env = {
      DATABASE_URL: empty.url,
      DEMO_DATA: "never",
      SLACK_BOT_TOKEN: "xoxb-test",
      SLACK_SIGNING_SECRET: "0123456789abcdef0123456789abcdef",
      SLACK_API_URL: fake.apiUrl,
      OUTBOX_INTERVAL_MS: "100",
    };
    const release = fake.holdNext("chat.postMessage");
    const first = await startApp(env);
    await until(() => fake.callsOf("chat.postMessage").length === 1, "the first chat.postMessage");

    first.signalGroup("SIGTERM");
    await first.waitFor("shutting down");
    // Slack answers only now: the delivery in flight completes during the shutdown.
    release();
    expect(await first.exited).toBe(0);
    const log = first.output.join("");
    expect(log).toContain("stopped");
    expect(log).not.toContain("shutdown took too long");

    const afterStop = await outbox();
    const sent = afterStop.filter((row) => row.status === "SENT");
    expect(sent).toHaveLength(1);
    // What was claimed but not tried went back to the queue, its attempt not counted.
    for (const row of afterStop.filter((candidate) => candidate.status === "PENDING")) {
      expect(row.lockedBy).toBeNull();
      expect(row.attempts).toBe(0);
    }

    const second = await startApp(env);
    await until(async () => (await outbox()).every((row) => row.status === "SENT"), "every notification sent by the next start");
    expect(await second.stop()).toBe(0);

    // Each outbox row reached Slack once: as many top-level posts as rows were meant to post, no copy.
    const posts = fake.callsOf("chat.postMessage").map((call) => JSON.stringify([call.args.channel, call.args.thread_ts ?? null, call.args.blocks]));
    expect(new Set(posts).size).toBe(posts.length);
    const approvals = fake.messages.filter((message) => message.channel === "D_U_LAMBERT" && message.threadTs === null);
    expect(posts.length).toBeGreaterThanOrEqual(rows.length);
    expect(approvals).toHaveLength(1);
  }, 180_000);
});
