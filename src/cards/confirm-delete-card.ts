import type { TCard } from "./card-contract.ts";
import type { TLocale } from "../i18n/translate.ts";
import { cardAction, cardText, conventionTitle, headerFacts } from "./card-format.ts";
import { renderTemplate } from "./render-template.ts";
import type { TConventionHeader } from "./views.ts";

/**
 * Asks to confirm a deletion, saying what it means at that point: a draft loses its answers; a
 * convention returned with its number is abandoned, its validation stops and its number is not reused.
 */
export function confirmDeleteCard(locale: TLocale, header: TConventionHeader): TCard {
  const { conventionId, version, numero } = header;
  return renderTemplate("confirm-delete", {
    title: numero === null ? cardText(locale, "confirmDelete.title") : cardText(locale, "confirmDelete.titleNumbered", { numero }),
    subtitle: conventionTitle(locale, header),
    facts: headerFacts(locale, header),
    warning: numero === null ? cardText(locale, "confirmDelete.warning") : cardText(locale, "confirmDelete.warningNumbered", { numero }),
    actions: [
      cardAction(cardText(locale, "actions.confirmDelete"), "confirm_delete", { conventionId, version }, { style: "destructive" }),
      cardAction(cardText(locale, "actions.cancel"), "cancel", { conventionId }),
    ],
  });
}
