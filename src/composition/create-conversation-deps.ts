// The composition root's core wiring: the PostgreSQL adapters (src/db), the PDF renderer
// (src/pdf) and the signed links (src/http) plugged into the ports of the core (src/app).
// main.ts and the tests build the conversation's dependencies here; src/db only persists.
import type { TCompanyRegister } from "../app/ports/company-register.ts";
import type { TConversationDeps } from "../app/ports/conversation-deps.ts";
import { registerOff } from "../company-register/create-company-register.ts";
import { institutionClauses } from "../app/documents/institution-clauses.ts";
import type { TInstitution } from "../app/ports/documents.ts";
import type { TClock } from "../app/ports/clock.ts";
import { createAnswerChecks } from "../db/answer-checks.ts";
import { createAvenantStore } from "../db/avenant-store.ts";
import { createCentreDirectory } from "../db/centre-directory.ts";
import { createConventionStore } from "../db/convention-store.ts";
import { createDocumentStore } from "../db/document-store.ts";
import { createFormData } from "../db/form-data.ts";
import { createFormDrafts } from "../db/form-drafts.ts";
import { createHostDirectory } from "../db/host-directory.ts";
import { createPersonDirectory } from "../db/person-directory.ts";
import { createRulesFactsSource } from "../db/rules-facts-source.ts";
import { createReminderControls } from "../db/reminder-controls.ts";
import { createStaffQueries } from "../db/staff-queries.ts";
import { createWorkflowDirectory } from "../db/workflow-directory.ts";
import { createDeadLetters } from "../db/dead-letters.ts";
import { createPersonalData } from "../db/personal-data.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { DEFAULT_LINK_TTL_MS, documentLinkSecret, documentLinkUrl } from "../http/document-links.ts";
import { previewLinkUrl } from "../http/preview-links.ts";
import { renderAvenantPdf, renderConventionPdf } from "../pdf/render.ts";

/** What the deployment decides: the institution printed on documents and how download links are made. */
export interface TConversationOptions {
  institution?: TInstitution;
  /** Signed links: the secret (PDF_LINK_SECRET), the public base URL of the app, how long a link lives (PDF_LINK_TTL_MINUTES). */
  links?: { secret: string; baseUrl: string; ttlMs?: number };
  /** The national company register (COMPANY_REGISTER); off unless given. */
  register?: TCompanyRegister;
}

/** The conversation core's dependencies, all on one PostgreSQL database. */
export function createConversationDeps(prisma: PrismaClient, clock: TClock = () => new Date(), options: TConversationOptions = {}): TConversationDeps {
  const conventions = createConventionStore(prisma);
  const formData = createFormData(prisma);
  const facts = createRulesFactsSource(prisma);
  const { secret, baseUrl, ttlMs = DEFAULT_LINK_TTL_MS } = options.links ?? { secret: documentLinkSecret(undefined), baseUrl: "http://localhost:3978" };
  const signing = { secret, baseUrl, ttlMs };
  return {
    conventions,
    directory: createPersonDirectory(prisma),
    checks: createAnswerChecks(prisma),
    formData,
    facts,
    centres: createCentreDirectory(prisma),
    hosts: createHostDirectory(prisma),
    register: options.register ?? registerOff,
    workflow: createWorkflowDirectory(prisma),
    staff: createStaffQueries(prisma),
    avenants: createAvenantStore(prisma),
    operations: { deadLetters: createDeadLetters(prisma), personalData: createPersonalData(prisma) },
    formDrafts: createFormDrafts(prisma),
    reminders: createReminderControls(prisma),
    documents: {
      conventions,
      documents: createDocumentStore(prisma),
      formData,
      renderer: { convention: renderConventionPdf, avenant: renderAvenantPdf },
      institution: options.institution ?? { name: "Université de démonstration", logo: null, clauses: institutionClauses() },
      clock,
      facts,
    },
    links: {
      document: (documentId, personId) => documentLinkUrl({ ...signing, documentId, personId, now: clock() }),
      preview: (conventionId, personId) => previewLinkUrl({ ...signing, conventionId, personId, now: clock() }),
      ttlMinutes: Math.round(ttlMs / 60_000),
    },
    clock,
  };
}
