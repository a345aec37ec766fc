// `npm run seed:demo`: loads the reference lists and the demo university into the configured
// database (DATABASE_URL, or the embedded one under DATA_DIR). Safe to run again.
import { loadConfig } from "../config.ts";
import { createDatabase } from "../db/create-database.ts";
import { DEMO_CENTRES } from "../db/seed/demo-university.ts";
import { DEMO_PEOPLE, seedDemo } from "../db/seed/seed-demo.ts";
import { seedDemoWaiting } from "../db/seed/seed-demo-waiting.ts";
import { seedReferenceData } from "../db/seed/seed-reference-data.ts";

async function main(): Promise<void> {
  const config = loadConfig();
  const database = await createDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, poolSize: 2 });
  try {
    const counts = await seedReferenceData(database.prisma);
    const inserted = Object.entries(counts)
      .map(([table, count]) => `${table} ${count}`)
      .join(", ");
    console.log(`Reference data (${database.kind}): inserted ${inserted}.`);
    const { created } = await seedDemo(database.prisma);
    if (created) await seedDemoWaiting(database.prisma, new Date());
    console.log(
      created
        ? `Demo university created: ${DEMO_CENTRES.length} centres de gestion, ${DEMO_PEOPLE.length} people (e.g. ${DEMO_PEOPLE[0]?.email ?? ""}).`
        : "Demo university already present: nothing changed.",
    );
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(`seed:demo failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
