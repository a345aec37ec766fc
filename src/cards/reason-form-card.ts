import { VERBS, type TCard, type TVerb } from "./card-contract.ts";
import type { TFieldError } from "../domain/sections/index.ts";
import { REASON_MAX } from "../domain/workflow.ts";
import { bareFieldError } from "../i18n/field-error-message.ts";
import type { TLocale } from "../i18n/translate.ts";
import { cardAction, cardText } from "./card-format.ts";
import { blankItem, type TFormItem, type TFormModel } from "./form-items.ts";
import { renderTemplate } from "./render-template.ts";
import type { TReasonFormView } from "./views.ts";
import { numeroText } from "./workflow-format.ts";

/** The id of the form's only input, as the submission carries it. */
export const REASON_INPUT_ID = "reason";

// Under the "Motif" input, which names it already.
function reasonErrorMessage(locale: TLocale, error: Pick<TFieldError, "code" | "params">): string {
  return bareFieldError(locale, error.code, { max: REASON_MAX, ...error.params });
}

function reasonItem(locale: TLocale, view: TReasonFormView): TFormItem {
  const error = view.error === null ? "" : reasonErrorMessage(locale, view.error);
  return {
    ...blankItem("text", REASON_INPUT_ID, cardText(locale, "reasonForm.label"), error, cardText(locale, "reasonForm.hint", { max: REASON_MAX })),
    value: view.reason,
    // Unlike a section's answers, a refusal without its reason means nothing: the form may not be sent empty.
    required: true,
    errorMessage: reasonErrorMessage(locale, { code: "required" }),
    maxLength: REASON_MAX,
    multiline: true,
  };
}

function title(locale: TLocale, view: TReasonFormView): string {
  const numero = numeroText(view.numero);
  if (view.purpose !== "refuse_avenant") return cardText(locale, `reasonForm.title.${view.purpose}`, { numero });
  if (view.avenantNumero === null || view.avenantNumero === undefined) return cardText(locale, "reasonForm.title.refuse_avenantUnnumbered", { numero });
  return cardText(locale, "reasonForm.title.refuse_avenant", { numero, avenant: view.avenantNumero });
}

function submitVerb(purpose: TReasonFormView["purpose"]): TVerb {
  // The purpose is the verb the form submits; one the core does not know is a programming error.
  const verb = VERBS.find((known) => known === purpose);
  if (verb === undefined) throw new Error(`reasonFormCard: "${purpose}" is not a verb of VERBS`);
  return verb;
}

/** The form asking why a step is refused, a convention un-validated or an avenant refused: one required reason, then the decision. */
export function reasonFormCard(locale: TLocale, view: TReasonFormView): TCard {
  const { conventionId } = view;
  const submitData = { ...view.data, conventionId };
  const model: TFormModel = {
    title: title(locale, view),
    subtitle: cardText(locale, "header.subtitle", {
      title: cardText(locale, "header.numbered", { numero: numeroText(view.numero) }),
      student: view.studentName,
    }),
    intro: cardText(locale, `reasonForm.intro.${view.purpose}`),
    notices: [],
    duplicates: [],
    groups: [{ title: "", hint: "", separator: false, items: [reasonItem(locale, view)] }],
    links: [],
    actions: [
      cardAction(cardText(locale, `reasonForm.submit.${view.purpose}`), submitVerb(view.purpose), submitData, { style: "destructive", submitsInputs: true }),
      cardAction(cardText(locale, "actions.cancel"), "cancel", { conventionId }),
    ],
  };
  return renderTemplate("form", model);
}
