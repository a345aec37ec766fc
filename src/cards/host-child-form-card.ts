import type { TCard } from "./card-contract.ts";
import type { TLocale } from "../i18n/translate.ts";
import { cardAction, cardText } from "./card-format.ts";
import type { TFormModel } from "./form-items.ts";
import { CONTACT_FORM_FIELDS, hostFormContent, SERVICE_FORM_FIELDS } from "./host-form-fields.ts";
import { renderTemplate } from "./render-template.ts";
import type { THostChildFormView } from "./views.ts";

/** The form to create a service or a contact (tuteur, signataire) of the chosen établissement. */
export function hostChildFormCard(locale: TLocale, view: THostChildFormView): TCard {
  const service = view.kind === "service";
  const fields = service ? SERVICE_FORM_FIELDS : CONTACT_FORM_FIELDS;
  const { groups, notices } = hostFormContent(locale, view.kind, fields, view);
  const data = { conventionId: view.conventionId, etablissementId: view.etablissementId, forSection: view.forSection };
  const submit = service
    ? cardAction(cardText(locale, "service.submit"), "create_service", data, { style: "positive", submitsInputs: true })
    : cardAction(cardText(locale, "contact.submit"), "create_contact", data, { style: "positive", submitsInputs: true });
  const model: TFormModel = {
    title: cardText(locale, service ? "service.title" : "contact.title"),
    subtitle: "",
    intro: cardText(locale, service ? "service.intro" : `contact.intro.${view.forSection}`),
    notices,
    duplicates: [],
    groups,
    links: [],
    actions: [submit, cardAction(cardText(locale, "actions.cancel"), "cancel", { conventionId: view.conventionId })],
  };
  return renderTemplate("form", model);
}
