// `npm run bench`: measurements, one line per figure as `name value unit`.
// Runs on a scratch database created on BENCH_DATABASE_URL's server (default: the test server).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { saveSection } from "../src/app/save-section.ts";
import { createDatabase } from "../src/db/create-database.ts";
import { createDraft } from "../src/db/convention-repository.ts";
import { createAnswerChecks } from "../src/db/answer-checks.ts";
import { createConventionStore } from "../src/db/convention-store.ts";
import { createRulesFactsSource } from "../src/db/rules-facts-source.ts";
import { loadActorByEmail } from "../src/db/load-actor.ts";
import { DEMO_PEOPLE, seedDemo } from "../src/db/seed/seed-demo.ts";
import { seedReferenceData } from "../src/db/seed/seed-reference-data.ts";
import { renderConventionPdf } from "../src/pdf/render.ts";
import { sampleConventionModel } from "../src/pdf/sample-model.ts";
import { createEmptyDatabase, TEST_SERVER_URL } from "../test/support/test-database.ts";
import { measureStart, reportStart } from "./startup.ts";
import { benchDigest } from "./digest.ts";
import { measure, report, summarize } from "./stats.ts";

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 1000);
const WARMUP = 50;
const PDF_RENDERS = Number(process.env.BENCH_PDF_RENDERS ?? 50);

async function benchSectionSave(databaseUrl: string): Promise<void> {
  const database = await createDatabase({ databaseUrl, poolSize: 4 });
  const bare = new pg.Client({ connectionString: databaseUrl });
  await bare.connect();
  try {
    await seedReferenceData(database.prisma);
    await seedDemo(database.prisma);
    const demoStudent = DEMO_PEOPLE.find((person) => person.role === "student");
    if (!demoStudent) throw new Error("the demo has no student");
    const actor = await loadActorByEmail(database.prisma, demoStudent.email);
    const draft = await createDraft(database.prisma, actor.personId, actor.personId);
    const conventions = createConventionStore(database.prisma);
    const checks = createAnswerChecks(database.prisma);
    const facts = createRulesFactsSource(database.prisma);
    const clock = () => new Date();

    // One section save as a student makes it: load, authorise, validate, compute, update + audit.
    let version = draft.version;
    const saves = await measure(ITERATIONS, WARMUP, async (i) => {
      const { convention } = await saveSection({ conventions, checks, facts, clock }, actor, {
        conventionId: draft.id,
        expectedVersion: version,
        sectionId: "stage",
        answers: { sujet: `Sujet ${i}`, dateDebut: "2027-03-01", dateFin: "2027-06-30", horairesReguliers: true, heuresHebdomadaires: 35 },
      });
      version = convention.version;
    });
    // The floor: one single-row UPDATE on the same database, through one plain pg client.
    const updates = await measure(ITERATIONS, WARMUP, (i) => bare.query(`UPDATE "Convention" SET "sujet" = $1 WHERE "id" = $2`, [`Sujet ${i}`, draft.id]));

    const save = summarize(saves);
    const update = summarize(updates);
    report("section_save_median", save.median, "ms");
    report("section_save_p99", save.p99, "ms");
    report("bare_update_median", update.median, "ms");
    report("bare_update_p99", update.p99, "ms");
    report("section_save_to_bare_update_ratio_median", save.median / update.median, "x");
    report("section_save_to_bare_update_ratio_p99", save.p99 / update.p99, "x");

    // Draft creation as the use-case's store makes it, against the same two rows (the draft and
    // its audit event) inserted by one hand-written SQL statement (one transaction, one round trip).
    const drafts = await measure(ITERATIONS, WARMUP, () => conventions.createDraft(actor.personId, actor.personId, {}));
    const bareDrafts = await measure(ITERATIONS, WARMUP, () =>
      bare.query(
        `WITH created AS (INSERT INTO "Convention" ("studentId", "createdById", "updatedAt") VALUES ($1, $1, now()) RETURNING "id")
         INSERT INTO "AuditEvent" ("entityType", "entityId", "conventionId", "actorId", "action", "after")
         SELECT 'convention', "id", "id", $1, 'convention.created', '{}' FROM created`,
        [actor.personId],
      ),
    );
    const created = summarize(drafts);
    const bareDraft = summarize(bareDrafts);
    report("draft_create_median", created.median, "ms");
    report("draft_create_p99", created.p99, "ms");
    report("bare_draft_insert_median", bareDraft.median, "ms");
    report("draft_create_to_bare_sql_ratio_median", created.median / bareDraft.median, "x");
    report("draft_create_to_bare_sql_ratio_p99", created.p99 / bareDraft.p99, "x");
  } finally {
    await bare.end();
    await database.close();
  }
}

// One convention PDF from its model (layout, embedded fonts, compression), as stored at validation.
async function benchPdfGenerate(): Promise<void> {
  const model = sampleConventionModel({ lang: "fr" });
  const renders = await measure(PDF_RENDERS, 5, () => renderConventionPdf(model));
  const { median, p99 } = summarize(renders);
  report("pdf_generate_median", median, "ms");
  report("pdf_generate_p99", p99, "ms");
}

async function main(): Promise<void> {
  const scratch = await createEmptyDatabase("stagebot_bench", process.env.BENCH_DATABASE_URL ?? TEST_SERVER_URL);
  try {
    await benchSectionSave(scratch.url);
  } finally {
    await scratch.drop();
  }
  await benchPdfGenerate();
  await benchDigest(process.env.BENCH_DATABASE_URL ?? TEST_SERVER_URL);
  if (process.env.BENCH_STARTUP !== "false") await benchStartup();
}

// `npm start` on PostgreSQL (migrated, reference data seeded) and on a fresh then a used embedded
// database: time to /healthz, phases, idle RSS; goals 200 MB (PostgreSQL), 3 s fresh / 1.5 s later (embedded).
async function benchStartup(): Promise<void> {
  const scratch = await createEmptyDatabase("stagebot_bench_start", process.env.BENCH_DATABASE_URL ?? TEST_SERVER_URL);
  try {
    await measureStart({ DATABASE_URL: scratch.url }, 0); // migrations and reference data, once
    const postgres = await measureStart({ DATABASE_URL: scratch.url });
    reportStart("start_postgres", postgres);
    report("start_postgres_idle_rss_to_200mb_goal_ratio", postgres.idleRssMb / 200, "x");
  } finally {
    await scratch.drop();
  }
  const dataDir = mkdtempSync(join(tmpdir(), "stagebot-bench-"));
  try {
    const fresh = await measureStart({ DATA_DIR: dataDir });
    reportStart("start_embedded_fresh", fresh);
    report("start_embedded_fresh_healthz_to_3s_goal_ratio", fresh.healthzMs / 3000, "x");
    const later = await measureStart({ DATA_DIR: dataDir });
    reportStart("start_embedded_later", later);
    report("start_embedded_later_healthz_to_1_5s_goal_ratio", later.healthzMs / 1500, "x");
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
