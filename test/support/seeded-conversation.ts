import { createConversation } from "../../src/app/conversation/create-conversation.ts";
import type { TConversation } from "../../src/app/ports/conversation.ts";
import type { TConversationDeps } from "../../src/app/ports/conversation-deps.ts";
import type { TClock } from "../../src/app/ports/clock.ts";
import { createConversationDeps } from "../../src/composition/create-conversation-deps.ts";
import type { TDatabaseOptions } from "../../src/db/create-database.ts";
import { seedDemo } from "../../src/db/seed/seed-demo.ts";
import { seedReferenceData } from "../../src/db/seed/seed-reference-data.ts";
import { createTestDatabase } from "./test-database.ts";

/** A test database of its own with the reference lists and the demo university, and the real conversation core on it. */
export async function createSeededConversation(
  clock?: TClock,
  options: { poolSize?: number; limits?: TDatabaseOptions["limits"]; adapt?: (deps: TConversationDeps) => TConversationDeps } = {},
): Promise<{
  database: Awaited<ReturnType<typeof createTestDatabase>>;
  deps: ReturnType<typeof createConversationDeps>;
  conversation: TConversation;
}> {
  const database = await createTestDatabase(options.poolSize, options.limits);
  await seedReferenceData(database.prisma);
  await seedDemo(database.prisma);
  const deps = (options.adapt ?? ((same) => same))(createConversationDeps(database.prisma, clock));
  return { database, deps, conversation: createConversation(deps) };
}
