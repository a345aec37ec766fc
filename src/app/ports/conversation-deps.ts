import type { TClock } from "./clock.ts";
import type { TAnswerChecks, TConventionStore, TFormData, TRulesFactsSource, TStaffQueries } from "./conventions.ts";
import type { TCentreDirectory, TPersonDirectory, TWorkflowDirectory } from "./directory.ts";
import type { TDocumentDeps } from "./documents.ts";
import type { TCompanyRegister } from "./company-register.ts";
import type { THostDirectory } from "./hosts.ts";
import type { TAvenantStore } from "./avenants.ts";
import type { TOperations } from "./operations.ts";
import type { TFormDrafts } from "./form-drafts.ts";
import type { TReminderControls } from "./reminder-controls.ts";

/**
 * Mints the signed links of the PDFs. A link is a bearer link for `ttlMinutes`: whoever holds
 * it may open the PDF while the person it was minted for may still view the convention.
 */
export interface TLinkMinter {
  /** The download URL of a stored document (convention, avenant) for one person. */
  document(documentId: number, personId: number): string;
  /** The URL of a convention's draft preview ("Aperçu PDF") for one person. */
  preview(conventionId: number, personId: number): string;
  /** How long a link minted now stays valid. */
  ttlMinutes: number;
}

/** Everything the conversation core needs from the outside world. */
export interface TConversationDeps {
  conventions: TConventionStore;
  directory: TPersonDirectory;
  checks: TAnswerChecks;
  formData: TFormData;
  facts: TRulesFactsSource;
  centres: TCentreDirectory;
  hosts: THostDirectory;
  /** The national company register (API Recherche d'entreprises), behind its cache and limiter. */
  register: TCompanyRegister;
  workflow: TWorkflowDirectory;
  staff: TStaffQueries;
  /** The convention and avenant PDFs (generated once, stored with their SHA-256). */
  documents: TDocumentDeps;
  /** Signed, short-lived links to the PDFs, each minted for one person. */
  links: TLinkMinter;
  avenants: TAvenantStore;
  /** Dead letters and personal-data exports, for administrators. */
  operations: TOperations;
  /** Answers typed in a section's form and closed without saving. */
  formDrafts: TFormDrafts;
  /** Pausing one's reminders, a centre's reminder settings (issue 13). */
  reminders: TReminderControls;
  clock: TClock;
}
