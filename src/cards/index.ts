// The card builders: views (src/cards/views.ts) in, Adaptive Cards 1.5 out.
export { confirmDeleteCard } from "./confirm-delete-card.ts";
export { conventionListCard } from "./convention-list-card.ts";
export { etablissementFormCard } from "./etablissement-form-card.ts";
export { fieldErrorsByInput } from "./field-errors-by-input.ts";
export { formAnswers } from "./form-answers.ts";
export { helpCard } from "./help-card.ts";
export { hostChildFormCard } from "./host-child-form-card.ts";
export { noticeCard } from "./notice-card.ts";
export { progressCard } from "./progress-card.ts";
export { recapCard } from "./recap-card.ts";
export { renderTemplate, TEMPLATE_NAMES, type TTemplateName } from "./render-template.ts";
export { sectionFormCard } from "./section-form-card.ts";
export type * from "./views.ts";
