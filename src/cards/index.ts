// The card builders: views (src/cards/views.ts) in, Adaptive Cards 1.5 out.
export { approvalCard } from "./approval-card.ts";
export { confirmDeleteCard } from "./confirm-delete-card.ts";
export { conventionListCard } from "./convention-list-card.ts";
export { etablissementFormCard } from "./etablissement-form-card.ts";
export { fieldErrorsByInput } from "./field-errors-by-input.ts";
export { formAnswers } from "./form-answers.ts";
export { helpCard } from "./help-card.ts";
export { historyCard } from "./history-card.ts";
export { hostChildFormCard } from "./host-child-form-card.ts";
export { noticeCard } from "./notice-card.ts";
export { progressCard } from "./progress-card.ts";
export { reasonFormCard, REASON_INPUT_ID } from "./reason-form-card.ts";
export { recapCard } from "./recap-card.ts";
export { renderTemplate, TEMPLATE_NAMES, type TTemplateName } from "./render-template.ts";
export { sectionFormCard } from "./section-form-card.ts";
export { staffListCard } from "./staff-list-card.ts";
export { deadLettersCard } from "./dead-letters-card.ts";
export type * from "./views.ts";
