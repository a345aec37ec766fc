import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TEffect } from "../../src/app/conversation/effects.ts";
import { createJobRuns } from "../../src/db/job-runs.ts";
import { createReminderStore } from "../../src/db/reminder-store.ts";
import { createJobScheduler } from "../../src/composition/create-job-scheduler.ts";
import { remindersJob } from "../../src/jobs/reminders-job.ts";
import { seedDemoWaiting } from "../../src/db/seed/seed-demo-waiting.ts";
import { DEMO } from "../support/demo.ts";
import { demoIds, insertConvention } from "../support/reminder-fixtures.ts";
import { createWorkflowHarness } from "../support/workflow-harness.ts";

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
// Monday 30 November 2026, 08:00 in Paris: in the past, so the dispatcher (on the real clock) delivers it.
const MONDAY_0800 = new Date("2026-11-30T07:00:00.000Z");

const shown = (effects: readonly TEffect[]) => JSON.stringify(effects.map((effect) => ("card" in effect ? effect.card : effect)));

describe("people keep control of their reminders, on every channel through the outbox", () => {
  let harness: Awaited<ReturnType<typeof createWorkflowHarness>>;
  const say = (email: string, text: string) => harness.conversation.handle({ platform: "WEB", email }, { kind: "message", text, conventionId: null });
  const act = (email: string, verb: "save_reminder_settings" | "pause_reminders", data: Record<string, string | number>) =>
    harness.conversation.handle({ platform: "WEB", email }, { kind: "action", verb, data });

  beforeAll(async () => {
    harness = await createWorkflowHarness();
  });

  afterAll(async () => {
    await harness?.database.drop();
  });

  it("delivers the digest and a reminder as cards, and a paused person gets nothing until they resume", async () => {
    const prisma = harness.database.prisma;
    const ids = await demoIds(prisma);
    await insertConvention(prisma, MONDAY_0800, { centre: "DEMO-PSY", state: "SUBMITTED", ageDays: 4 });
    await insertConvention(prisma, MONDAY_0800, { centre: "DEMO-PSY", state: "SUBMITTED", step: "PEDAGOGIQUE", ageDays: 4 });
    expect(shown(await say(DEMO.fontaine, "pause rappels"))).toContain("Vos rappels sont en pause");
    const run = async (at: Date) => {
      const scheduler = createJobScheduler(prisma, {
        jobs: [remindersJob({ store: createReminderStore(prisma), runs: createJobRuns(prisma), clock: () => at })],
        logger: silent,
        instanceId: "i",
        clock: () => at,
        wake: () => ({ stop: () => undefined }),
      });
      await scheduler.start();
      await scheduler.stop();
      await harness.deliverAll();
    };
    await run(MONDAY_0800);
    const garcia = shown(harness.inbox.get(ids.garcia) ?? []);
    expect(garcia).toContain("Récapitulatif du 30/11/2026");
    expect(garcia).toContain("en attente depuis 4 jours");
    expect(garcia).toContain("Premier récapitulatif envoyé pour ce centre.");
    expect(shown(harness.inbox.get(ids.lambert) ?? [])).toContain("attend votre validation pédagogique");
    expect(harness.inbox.get(ids.fontaine) ?? []).toEqual([]);

    // The button on a reminder pauses too; "reprendre les rappels" resumes, and the next digest reaches her.
    expect(shown(await act(DEMO.lambert, "pause_reminders", {}))).toContain("Vos rappels sont en pause");
    expect(shown(await say(DEMO.fontaine, "reprendre les rappels"))).toContain("Vos rappels reprennent");
    await run(new Date(MONDAY_0800.getTime() + 24 * 3_600_000));
    expect(shown(harness.inbox.get(ids.fontaine) ?? [])).toContain("Récapitulatif du 01/12/2026");
    expect(shown(harness.inbox.get(ids.garcia) ?? [])).toContain("Récapitulatif précédent envoyé le 30/11/2026 à 08:00");
  });

  it("lets a centre's gestionnaire edit its settings, naming each bad field, and refuses another centre's", async () => {
    const prisma = harness.database.prisma;
    const { psy } = await demoIds(prisma);
    const form = await say(DEMO.garcia, "réglages des rappels");
    expect(form[0]?.kind).toBe("form");
    expect(shown(form)).toContain("0 8 * * 1-5");
    const base = {
      centreId: psy,
      reminderCron: "0 8 * * 1-5",
      reminderTimezone: "Europe/Paris",
      referentReminderDays: "3",
      escalationDays: "7",
      draftReminderDays: "7",
      startingSoonDays: "14",
    };
    const rejected = await act(DEMO.garcia, "save_reminder_settings", { ...base, reminderCron: "chaque matin", escalationDays: "-1" });
    const errors = rejected[0]?.kind === "form" ? rejected[0].errors : undefined;
    expect(errors?.reminderCron).toMatch(/^Horaire du récapitulatif \(cron\) : « chaque matin » n'est pas une expression cron/);
    expect(errors?.escalationDays).toMatch(/^Relance des gestionnaires après \(jours\) : « -1 »/);
    expect((await prisma.centreGestion.findUniqueOrThrow({ where: { id: psy } })).escalationDays).toBe(7);
    // Mansouri is a gestionnaire of DEMO-SCI only.
    expect(shown(await act(DEMO.mansouri, "save_reminder_settings", { ...base, escalationDays: "1" }))).toContain("Seuls les gestionnaires du centre");
    expect((await prisma.centreGestion.findUniqueOrThrow({ where: { id: psy } })).escalationDays).toBe(7);
    const saved = await act(DEMO.garcia, "save_reminder_settings", { ...base, reminderCron: "30 7 * * 1-5", escalationDays: "5" });
    expect(saved[0]).toEqual({ kind: "close_form" });
    expect(await prisma.centreGestion.findUniqueOrThrow({ where: { id: psy } })).toMatchObject({ reminderCron: "30 7 * * 1-5", escalationDays: 5 });
    // An admin may too, naming the centre.
    expect((await say(DEMO.petit, "reminder settings DEMO-PSY"))[0]?.kind).toBe("form");
  });

  it("has the demo show a digest at once: something waits in it, and an urgent internship tops the digest", async () => {
    const prisma = harness.database.prisma;
    const ids = await demoIds(prisma);
    await prisma.outboxMessage.deleteMany();
    await prisma.reminderPause.deleteMany();
    harness.inbox.clear();
    const started = new Date(MONDAY_0800.getTime() + 2 * 24 * 3_600_000);
    await seedDemoWaiting(prisma, new Date(started.getTime() - 3_600_000));
    const scheduler = createJobScheduler(prisma, {
      jobs: [remindersJob({ store: createReminderStore(prisma), runs: createJobRuns(prisma), clock: () => started })],
      logger: silent,
      instanceId: "demo",
      clock: () => started,
      wake: () => ({ stop: () => undefined }),
    });
    // The playground's button: a manual run, whatever the schedule.
    const outcome = await scheduler.runJob("reminders");
    expect(outcome.status).toBe("succeeded");
    await harness.deliverAll();
    const garcia = shown(harness.inbox.get(ids.garcia) ?? []);
    expect(garcia).toContain("URGENT — n° ");
    expect(garcia).toContain("Hugo Bernard");
    expect(shown(harness.inbox.get(ids.lambert) ?? [])).toContain("attend votre validation pédagogique");
    // Opening the digest's line shows the convention's approval card.
    const conventionId = (await prisma.convention.findFirstOrThrow({ where: { currentStep: "VALIDATION_ADMINISTRATIVE", etudiantLastName: "Bernard" } })).id;
    const opened = await harness.conversation.handle(
      { platform: "WEB", email: DEMO.garcia },
      { kind: "action", verb: "open_approval", data: { conventionId } },
    );
    expect(shown(opened)).toContain("Hugo");
  });
});
