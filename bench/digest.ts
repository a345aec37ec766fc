// The digest query of one centre over 100,000 conventions (10 centres, 200 gestionnaires, every
// state), next to one GROUP BY count over the same table. Data inserted with generate_series, in a
// scratch database of its own.
import pg from "pg";
import { createDatabase } from "../src/db/create-database.ts";
import { createReminderStore } from "../src/db/reminder-store.ts";
import { createEmptyDatabase } from "../test/support/test-database.ts";
import { measure, report, summarize } from "./stats.ts";

const CONVENTIONS = Number(process.env.BENCH_DIGEST_CONVENTIONS ?? 100_000);
const ITERATIONS = Number(process.env.BENCH_DIGEST_ITERATIONS ?? 100);
const NOW = new Date("2027-01-04T07:00:00.000Z");

async function load(client: pg.Client): Promise<void> {
  await client.query(`
    INSERT INTO "CentreGestion" ("code", "name", "steps", "updatedAt")
      SELECT 'C' || g, 'Centre ' || g, ARRAY['PEDAGOGIQUE', 'VERIFICATION_ADMINISTRATIVE', 'VALIDATION_ADMINISTRATIVE']::"ValidationStep"[], now() FROM generate_series(1, 10) g;
    INSERT INTO "Person" ("email", "lastName", "firstName", "updatedAt")
      SELECT 'staff' || g || '@bench.fr', 'Staff', 'G' || g, now() FROM generate_series(1, 200) g;
    INSERT INTO "Staff" ("personId") SELECT "id" FROM "Person" WHERE "email" LIKE 'staff%';
    INSERT INTO "StaffCentre" ("staffId", "centreId")
      SELECT s."personId", c."id" FROM "Staff" s JOIN "CentreGestion" c ON c."code" = 'C' || (1 + s."personId" % 10);
    INSERT INTO "Person" ("email", "lastName", "firstName", "updatedAt")
      SELECT 'student' || g || '@bench.fr', 'Étudiant', 'E' || g, now() FROM generate_series(1, 1000) g;
    INSERT INTO "Student" ("personId", "studentNumber", "birthDate")
      SELECT "id", 'S' || "id", '2004-01-01' FROM "Person" WHERE "email" LIKE 'student%';
    INSERT INTO "Person" ("email", "lastName", "firstName", "updatedAt") VALUES ('teacher@bench.fr', 'Référent', 'R', now());
    INSERT INTO "Teacher" ("personId") SELECT "id" FROM "Person" WHERE "email" = 'teacher@bench.fr';`);
  // Every state, every step; submitted over the last 60 days, starting over the next 120.
  await client.query(
    `
    WITH s AS (SELECT array_agg("personId") AS ids FROM "Student"), c AS (SELECT array_agg("id" ORDER BY "id") AS ids FROM "CentreGestion"),
      t AS (SELECT "personId" AS id FROM "Teacher" LIMIT 1)
    INSERT INTO "Convention" ("numero", "state", "round", "currentStep", "studentId", "createdById", "centreId", "submittedAt", "updatedAt",
      "etudiantFirstName", "etudiantLastName", "enseignantId", "dateDebut")
    SELECT g,
      (ARRAY['DRAFT', 'SUBMITTED', 'SUBMITTED', 'SUBMITTED', 'RETURNED', 'VALIDATED', 'CANCELLED'])[1 + g % 7]::"ConventionState",
      1,
      CASE WHEN g % 7 IN (1, 2, 3) THEN (ARRAY['PEDAGOGIQUE', 'VERIFICATION_ADMINISTRATIVE', 'VALIDATION_ADMINISTRATIVE'])[1 + (g / 7) % 3]::"ValidationStep" END,
      s.ids[1 + g % 1000], s.ids[1 + g % 1000],
      CASE WHEN g % 7 = 0 THEN NULL ELSE c.ids[1 + (g / 70) % 10] END,
      CASE WHEN g % 7 = 0 THEN NULL ELSE $1::timestamp - ((g % 60) || ' days')::interval END,
      $1::timestamp - ((g % 60) || ' days')::interval,
      'Prénom', 'Nom ' || g, t.id,
      ($1::timestamp + ((g % 120) || ' days')::interval)::date
    FROM generate_series(1, $2::int) g, s, c, t`,
    [NOW, CONVENTIONS],
  );
  await client.query(`
    INSERT INTO "ValidationDecision" ("conventionId", "round", "step", "decision", "deciderId", "decidedAt")
      SELECT c."id", 1, 'PEDAGOGIQUE', 'VALIDATED', c."enseignantId", c."submittedAt" + interval '1 day'
      FROM "Convention" c WHERE c."state" = 'SUBMITTED' AND c."currentStep" <> 'PEDAGOGIQUE';
    ANALYZE;`);
}

/** Median of the digest query of one centre and of one GROUP BY count, and their ratio. */
export async function benchDigest(serverUrl: string): Promise<void> {
  const scratch = await createEmptyDatabase("stagebot_bench_digest", serverUrl);
  const database = await createDatabase({ databaseUrl: scratch.url, poolSize: 2 });
  const bare = new pg.Client({ connectionString: scratch.url });
  await bare.connect();
  try {
    await load(bare);
    const store = createReminderStore(database.prisma);
    const [centre] = await store.centres();
    if (!centre) throw new Error("no centre loaded");
    const digest = await store.digest(centre, NOW, "2027-01-04", 10);
    const waiting = digest.urgent.total + digest.steps.reduce((sum, step) => sum + step.total, 0);
    const digests = await measure(ITERATIONS, 10, () => store.digest(centre, NOW, "2027-01-04", 10));
    const counts = await measure(ITERATIONS, 10, () => bare.query(`SELECT "state", count(*) FROM "Convention" GROUP BY "state"`));
    const d = summarize(digests);
    const g = summarize(counts);
    report("digest_conventions", CONVENTIONS, "rows");
    report("digest_centre_waiting", waiting, "rows");
    report("digest_query_median", d.median, "ms");
    report("digest_query_p99", d.p99, "ms");
    report("group_by_count_median", g.median, "ms");
    report("digest_to_group_by_ratio_median", d.median / g.median, "x");
  } finally {
    await bare.end();
    await database.close();
    await scratch.drop();
  }
}
