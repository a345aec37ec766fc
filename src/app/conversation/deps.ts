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
  avenants: import("../avenants/ports.ts").TAvenantStore;
  clock: TClock;
}
