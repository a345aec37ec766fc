import type { TCard } from "./card-contract.ts";
import type { TLocale } from "../i18n/translate.ts";
import { cardAction, cardText, conventionTitle, headerFacts } from "./card-format.ts";
import { renderTemplate } from "./render-template.ts";
import type { TConventionHeader } from "./views.ts";

/** Asks to confirm the deletion of a draft, saying that it is final. */
export function confirmDeleteCard(locale: TLocale, header: TConventionHeader): TCard {
  const { conventionId, version } = header;
  return renderTemplate("confirm-delete", {
    title: cardText(locale, "confirmDelete.title"),
    subtitle: conventionTitle(locale, header),
    facts: headerFacts(locale, header),
    warning: cardText(locale, "confirmDelete.warning"),
    actions: [
      cardAction(cardText(locale, "actions.confirmDelete"), "confirm_delete", { conventionId, version }, { style: "destructive" }),
      cardAction(cardText(locale, "actions.cancel"), "cancel", { conventionId }),
    ],
  });
}
