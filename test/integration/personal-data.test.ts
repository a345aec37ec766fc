import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createJobScheduler } from "../../src/composition/create-job-scheduler.ts";
import { operationsJobs, PERSONAL_DATA_JOB_ID, type TOperationsPolicy } from "../../src/composition/operations-jobs.ts";
import { exportPersonalData } from "../../src/db/personal-data.ts";
import type { PrismaClient } from "../../src/generated/prisma/client.ts";
import { createTestDatabase } from "../support/test-database.ts";

const run = promisify(execFile);
// 04:15 in Paris on 3 December 2026: the personal-data job's default slot.
const NOW = new Date("2026-12-03T03:15:00.000Z");
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
const policy: TOperationsPolicy = {
  retentionCron: "30 3 * * *",
  retention: { processedEventHours: 48, sentOutboxDays: 30, deletedConventionMessageDays: 90, jobRunDays: 90, batchSize: 100 },
  personalDataCron: "15 4 * * *",
  personalData: { archiveYears: 5, purgeYears: 2, batchSize: 100 },
};
const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

describe("personal data on real PostgreSQL: archive and purge on the policy's dates, export on request", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let prisma: PrismaClient;
  let ines: number;
  let hugo: number;
  const ids: Record<string, number> = {};

  async function convention(name: string, studentId: number, data: Record<string, unknown>) {
    ids[name] = (await prisma.convention.create({ data: { studentId, createdById: studentId, sujet: `Sujet ${name}`, ...data } })).id;
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    prisma = database.prisma;
    const student = (email: string, lastName: string, firstName: string, studentNumber: string) =>
      prisma.person.create({
        data: { email, lastName, firstName, student: { create: { studentNumber, birthDate: day("2001-05-06"), city: `Ville de ${firstName}` } } },
      });
    ines = (await student("ines.durand@etu.example.fr", "Durand", "Inès", "22000001")).id;
    hugo = (await student("hugo.bernard@etu.example.fr", "Bernard", "Hugo", "22000002")).id;
    // 5 years after 2021-12-03 is today: archived; a day later: not yet.
    await convention("ended5y", ines, { state: "VALIDATED", numero: 101, dateFin: day("2021-12-03"), etudiantLastName: "Durand" });
    await convention("ended5yMinus1", ines, { state: "VALIDATED", numero: 102, dateFin: day("2021-12-04") });
    // Archived before, ended 7 years ago today: purged.
    await convention("ended7y", ines, {
      state: "VALIDATED",
      numero: 103,
      dateFin: day("2019-12-03"),
      archivedAt: day("2024-12-03"),
      etudiantPhone: "0601020304",
    });
    await convention("ended7yMinus1", ines, { state: "VALIDATED", numero: 104, dateFin: day("2019-12-04"), archivedAt: day("2024-12-04") });
    // Still in progress, however old their dates: never touched.
    await convention("submitted", ines, { state: "SUBMITTED", numero: 105, dateFin: day("2012-06-30") });
    await convention("returned", ines, { state: "RETURNED", numero: 106, dateFin: day("2012-06-30") });
    await convention("draft", ines, { state: "DRAFT", dateFin: day("2010-06-30") });
    await convention("avenantWaiting", ines, { state: "VALIDATED", numero: 107, dateFin: day("2012-06-30"), archivedAt: day("2017-07-01") });
    await convention("noEnd", ines, { state: "VALIDATED", numero: 108 });
    await prisma.avenant.create({ data: { conventionId: ids.avenantWaiting ?? 0, numero: 1, status: "SUBMITTED", motifs: ["DATES"], requestedById: ines } });
    await convention("hugo", hugo, { state: "VALIDATED", numero: 201, dateFin: day("2026-06-30"), sujet: "Le sujet de Hugo" });

    const purged = ids.ended7y ?? 0;
    await prisma.auditEvent.create({
      data: {
        entityType: "convention",
        entityId: purged,
        conventionId: purged,
        action: "section.saved",
        actorId: ines,
        after: { etudiantPhone: "0601020304" },
      },
    });
    await prisma.conventionDocument.create({
      data: { conventionId: purged, kind: "CONVENTION", filename: "c.pdf", sha256: "0".repeat(64), content: Buffer.from("%PDF-") },
    });
    await prisma.avenant.create({ data: { conventionId: purged, numero: 1, status: "VALIDATED", motifs: ["DATES"], requestedById: ines } });
  });

  afterAll(async () => {
    await database?.drop();
  });

  it("archives and purges exactly what the policy says on its dates, once per slot, and touches nothing in progress", async () => {
    const before = await prisma.convention.findMany({ orderBy: { id: "asc" } });
    const schedulers = ["a", "b"].map((instanceId) =>
      createJobScheduler(prisma, {
        jobs: operationsJobs(prisma, policy),
        logger: quiet,
        instanceId,
        clock: () => NOW,
        wake: () => ({ stop: () => undefined }),
      }),
    );
    const outcomes = (await Promise.all(schedulers.map((scheduler) => scheduler.runDue("scheduled"))))
      .flat()
      .filter((outcome) => outcome.jobId === PERSONAL_DATA_JOB_ID);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(["not_elected", "succeeded"]);
    expect(outcomes.find((outcome) => outcome.status === "succeeded")).toMatchObject({ result: { archived: 1, purged: 1 } });

    const after = new Map((await prisma.convention.findMany()).map((row) => [row.id, row]));
    expect(after.get(ids.ended5y ?? 0)?.archivedAt).toEqual(NOW);
    expect(after.has(ids.ended7y ?? 0)).toBe(false);
    for (const name of ["ended5yMinus1", "ended7yMinus1", "submitted", "returned", "draft", "avenantWaiting", "noEnd", "hugo"]) {
      const was = before.find((row) => row.id === ids[name]);
      expect(after.get(ids[name] ?? 0), name).toEqual(was);
    }

    const purged = ids.ended7y ?? 0;
    expect(await prisma.conventionDocument.count({ where: { conventionId: purged } })).toBe(0);
    expect(await prisma.avenant.count({ where: { conventionId: purged } })).toBe(0);
    const trail = await prisma.auditEvent.findMany({ where: { entityId: purged, entityType: "convention" }, orderBy: { id: "asc" } });
    expect(trail.map((event) => [event.action, event.actorId, event.before, event.after])).toEqual([
      ["section.saved", ines, null, null],
      ["convention.purged", null, null, { numero: 103, endYear: 2019, purgeYears: 7 }],
    ]);
    expect(JSON.stringify(trail.map((event) => [event.before, event.after]))).not.toContain("0601020304");
    const archivedTrail = await prisma.auditEvent.findMany({ where: { conventionId: ids.ended5y ?? 0 } });
    expect(archivedTrail.map((event) => [event.action, event.after])).toEqual([
      ["convention.archived", { numero: 101, dateFin: "2021-12-03", archiveYears: 5 }],
    ]);

    // Run again by hand the same day: nothing more.
    expect(await schedulers[0]?.runJob(PERSONAL_DATA_JOB_ID)).toMatchObject({ status: "succeeded", result: { archived: 0, purged: 0 } });
  });

  it("exports everything about one person and nothing about another", async () => {
    const exported = await exportPersonalData(prisma, "  Ines.Durand@etu.example.fr ", NOW);
    const text = JSON.stringify(exported);
    expect(exported).toMatchObject({ email: "ines.durand@etu.example.fr", exportedAt: NOW.toISOString() });
    expect(text).toContain("22000001");
    expect(text).toContain("Ville de Inès");
    for (const name of ["ended5y", "ended5yMinus1", "submitted", "draft", "avenantWaiting"]) expect(text).toContain(`Sujet ${name}`);
    expect((exported?.conventions as unknown[]).length).toBe(8);
    for (const other of ["hugo.bernard", "Bernard", "22000002", "Ville de Hugo", "Le sujet de Hugo", '"numero":201']) expect(text, other).not.toContain(other);
    expect(await exportPersonalData(prisma, "nobody@example.fr", NOW)).toBeNull();
  });

  it("the command writes the export to a file, records it, and says when nobody has the address", async () => {
    const env = { ...process.env, DATABASE_URL: database.url };
    const cli = (...args: string[]) =>
      run("npx", ["tsx", "src/cli/personal-data-cli.ts", ...args], { env }).catch((error: { code: number; stdout: string; stderr: string }) => error);
    const file = join(mkdtempSync(join(tmpdir(), "stagebot-export-")), "hugo.json");
    const written = await cli("export", "hugo.bernard@etu.example.fr", "--out", file);
    expect(written.stderr).toContain(`Données de hugo.bernard@etu.example.fr écrites dans ${file}`);
    const json = JSON.parse(readFileSync(file, "utf8")) as { person: { id: number }; conventions: { sujet: string }[] };
    expect(json.person.id).toBe(hugo);
    expect(json.conventions.map((row) => row.sujet)).toEqual(["Le sujet de Hugo"]);
    expect(readFileSync(file, "utf8")).not.toContain("ines.durand");
    expect(await prisma.auditEvent.count({ where: { action: "personal_data.exported", entityId: hugo } })).toBe(1);
    expect(await cli("export", "nobody@example.fr")).toMatchObject({
      code: 1,
      stderr: expect.stringContaining("Personne ne porte l’adresse « nobody@example.fr »"),
    });
    expect(await cli("export")).toMatchObject({ code: 2 });
  }, 60_000);
});
