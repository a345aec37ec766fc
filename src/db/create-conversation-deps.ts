import type { TConversationDeps } from "../app/conversation/deps.ts";
import type { TClock } from "../app/ports.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { createAnswerChecks } from "./answer-checks.ts";
import { createAvenantStore } from "./avenant-store.ts";
import { createCentreDirectory } from "./centre-directory.ts";
import { createConventionStore } from "./convention-store.ts";
import { createFormData } from "./form-data.ts";
import { createHostDirectory } from "./host-directory.ts";
import { createPersonDirectory } from "./person-directory.ts";
import { createRulesFactsSource } from "./rules-facts-source.ts";
import { createStaffQueries } from "./staff-queries.ts";
import { createWorkflowDirectory } from "./workflow-directory.ts";

/** The conversation core's dependencies, all on one PostgreSQL database. */
export function createConversationDeps(prisma: PrismaClient, clock: TClock = () => new Date()): TConversationDeps {
  return {
    conventions: createConventionStore(prisma),
    directory: createPersonDirectory(prisma),
    checks: createAnswerChecks(prisma),
    formData: createFormData(prisma),
    facts: createRulesFactsSource(prisma),
    centres: createCentreDirectory(prisma),
    hosts: createHostDirectory(prisma),
    workflow: createWorkflowDirectory(prisma),
    staff: createStaffQueries(prisma),
    avenants: createAvenantStore(prisma),
    clock,
  };
}
