import type { TDocumentDeps } from "../documents/ports.ts";
import type { THostDirectory } from "../hosts/ports.ts";
import type {
  TAnswerChecks,
  TClock,
  TConventionStore,
  TFormData,
  TPersonDirectory,
  TRulesFactsSource,
  TStaffQueries,
  TWorkflowDirectory,
} from "../ports.ts";
import type { TCentreDirectory } from "../submit-convention.ts";

/** Everything the conversation core needs from the outside world. */
export interface TConversationDeps {
  conventions: TConventionStore;
  directory: TPersonDirectory;
  checks: TAnswerChecks;
  formData: TFormData;
  facts: TRulesFactsSource;
  centres: TCentreDirectory;
  hosts: THostDirectory;
  workflow: TWorkflowDirectory;
  staff: TStaffQueries;
  /** The convention and avenant PDFs (generated once, stored with their SHA-256). */
  documents: TDocumentDeps;
  /** A signed, short-lived download URL of a stored document for one person. */
  documentLink(documentId: number, personId: number): string;
  /** A signed, short-lived URL of a convention's draft preview ("Aperçu PDF") for one person. */
  previewLink(conventionId: number, personId: number): string;
  avenants: import("../avenants/ports.ts").TAvenantStore;
  clock: TClock;
}
