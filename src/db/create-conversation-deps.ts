import type { TConversationDeps } from "../app/conversation/deps.ts";
import { institutionClauses } from "../app/documents/institution-clauses.ts";
import type { TInstitution } from "../app/documents/ports.ts";
import type { TClock } from "../app/ports.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { documentLinkSecret, documentLinkUrl } from "../http/document-links.ts";
import { previewLinkUrl } from "../http/preview-links.ts";
import { renderAvenantPdf, renderConventionPdf } from "../pdf/render.ts";
import { createAnswerChecks } from "./answer-checks.ts";
import { createAvenantStore } from "./avenant-store.ts";
import { createCentreDirectory } from "./centre-directory.ts";
import { createConventionStore } from "./convention-store.ts";
import { createDocumentStore } from "./document-store.ts";
import { createFormData } from "./form-data.ts";
import { createHostDirectory } from "./host-directory.ts";
import { createPersonDirectory } from "./person-directory.ts";
import { createRulesFactsSource } from "./rules-facts-source.ts";
import { createStaffQueries } from "./staff-queries.ts";
import { createWorkflowDirectory } from "./workflow-directory.ts";

/** What the deployment decides: the institution printed on documents and how download links are made. */
export interface TConversationOptions {
  institution?: TInstitution;
  /** Signed download links: the secret (PDF_LINK_SECRET) and the public base URL of the app. */
  links?: { secret: string; baseUrl: string };
}

/** The conversation core's dependencies, all on one PostgreSQL database. */
export function createConversationDeps(prisma: PrismaClient, clock: TClock = () => new Date(), options: TConversationOptions = {}): TConversationDeps {
  const conventions = createConventionStore(prisma);
  const formData = createFormData(prisma);
  const links = options.links ?? { secret: documentLinkSecret(undefined), baseUrl: "http://localhost:3978" };
  return {
    conventions,
    directory: createPersonDirectory(prisma),
    checks: createAnswerChecks(prisma),
    formData,
    facts: createRulesFactsSource(prisma),
    centres: createCentreDirectory(prisma),
    hosts: createHostDirectory(prisma),
    workflow: createWorkflowDirectory(prisma),
    staff: createStaffQueries(prisma),
    avenants: createAvenantStore(prisma),
    documents: {
      conventions,
      documents: createDocumentStore(prisma),
      formData,
      renderer: { convention: renderConventionPdf, avenant: renderAvenantPdf },
      institution: options.institution ?? { name: "Université de démonstration", logo: null, clauses: institutionClauses() },
      clock,
    },
    documentLink: (documentId, personId) => documentLinkUrl({ ...links, documentId, personId, now: new Date() }),
    previewLink: (conventionId, personId) => previewLinkUrl({ ...links, conventionId, personId, now: new Date() }),
    clock,
  };
}
