import type { TCard } from "./card-contract.ts";
import type { TLocale } from "../i18n/translate.ts";
import { cardAction, cardText, type TCardAction } from "./card-format.ts";
import type { TFormModel } from "./form-items.ts";
import { ETABLISSEMENT_FORM_FIELDS, hostFormContent } from "./host-form-fields.ts";
import { renderTemplate } from "./render-template.ts";
import type { TEtablissementFormView } from "./views.ts";

// Choosing a duplicate saves section 2 at once when the convention's version is known;
// otherwise it opens section 2, where the student finds it with the search.
function chooseDuplicate(locale: TLocale, view: TEtablissementFormView, etablissementId: number): TCardAction {
  const title = cardText(locale, "actions.chooseThis");
  const { conventionId, version } = view;
  if (version === undefined) return cardAction(title, "open_section", { conventionId, section: "etablissement" });
  return cardAction(title, "save_section", { conventionId, version, section: "etablissement", etablissementId }, { style: "positive" });
}

/** The form to create an établissement d'accueil, or to propose a correction to one (etablissementId set). */
export function etablissementFormCard(locale: TLocale, view: TEtablissementFormView): TCard {
  const change = view.etablissementId !== null;
  const { groups, notices } = hostFormContent(locale, "etablissement", ETABLISSEMENT_FORM_FIELDS, view);
  if (view.duplicates.length > 0) notices.push({ text: cardText(locale, "etablissement.duplicates"), color: "Warning" });
  const data = { conventionId: view.conventionId, etablissementId: view.etablissementId };
  const submit = change
    ? cardAction(cardText(locale, "etablissement.submitChange"), "propose_etablissement_change", data, { style: "positive", submitsInputs: true })
    : cardAction(cardText(locale, "etablissement.submitCreate"), "create_etablissement", data, { style: "positive", submitsInputs: true });
  const model: TFormModel = {
    title: cardText(locale, change ? "etablissement.titleChange" : "etablissement.titleCreate"),
    subtitle: "",
    intro: cardText(locale, change ? "etablissement.introChange" : "etablissement.introCreate"),
    notices,
    duplicates: view.duplicates.map((duplicate) => ({ label: duplicate.label, action: chooseDuplicate(locale, view, duplicate.id) })),
    groups,
    links: [],
    actions: [
      submit,
      // Same name but maybe another organisation (homonyms exist): the student may confirm.
      ...(view.duplicates.length > 0 && !change
        ? [cardAction(cardText(locale, "etablissement.createAnyway"), "create_etablissement", { ...data, confirmDuplicate: true }, { submitsInputs: true })]
        : []),
      cardAction(cardText(locale, "actions.cancel"), "cancel", { conventionId: view.conventionId }),
    ],
  };
  return renderTemplate("form", model);
}
