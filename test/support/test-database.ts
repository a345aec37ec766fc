import { randomBytes } from "node:crypto";
import pg from "pg";
import { createDatabase, type TDatabase, type TDatabaseOptions } from "../../src/db/create-database.ts";

/** Server URL the tests create their databases on (real PostgreSQL, never a mock). */
export const TEST_SERVER_URL = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

/** The URL of `database` on the test server. */
export function databaseUrl(database: string, serverUrl: string = TEST_SERVER_URL): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Runs `work` on a fresh connection to `url`, closed afterwards. */
export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates an empty database with a unique name; `drop` removes it. */
export async function createEmptyDatabase(
  prefix = "stagebot_test",
  serverUrl: string = TEST_SERVER_URL,
): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  return {
    name,
    url: databaseUrl(name, serverUrl),
    drop: () => withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

/** A migrated database of its own for one test file (`poolSize` connections: 1 behaves as the embedded database). */
export async function createTestDatabase(poolSize = 4, limits?: TDatabaseOptions["limits"]): Promise<TDatabase & { url: string; drop(): Promise<void> }> {
  const empty = await createEmptyDatabase();
  const database = await createDatabase({ databaseUrl: empty.url, poolSize, ...(limits ? { limits } : {}) });
  return {
    ...database,
    url: empty.url,
    drop: async () => {
      await database.close();
      await empty.drop();
    },
  };
}
