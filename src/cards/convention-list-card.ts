import type { TCard } from "./card-contract.ts";
import { translate, type TLocale } from "../i18n/translate.ts";
import { cardAction, cardText, formatPeriod, type TCardAction } from "./card-format.ts";
import { renderTemplate } from "./render-template.ts";
import type { TConventionListView } from "./views.ts";

// A Slack message holds 50 blocks: the most recent conventions only, then how many more.
const MAX_ITEMS = 20;

type TItem = TConventionListView["items"][number];

function itemData(locale: TLocale, item: TItem): { title: string; line: string; status: string; action: TCardAction } {
  const title = item.numero === null ? cardText(locale, "list.draft") : cardText(locale, "header.numbered", { numero: item.numero });
  const host = item.etablissementName ?? cardText(locale, "common.notChosen");
  const completion = cardText(locale, "list.completion", { done: item.completeSections, total: item.totalSections });
  return {
    title,
    line: cardText(locale, "list.line", { host, dates: formatPeriod(locale, item.dateDebut, item.dateFin) }),
    status: cardText(locale, "list.status", { state: translate(locale, `domain:states.${item.state}`), completion }),
    action: cardAction(cardText(locale, "actions.open"), "open_convention", { conventionId: item.conventionId }),
  };
}

/** "Mes conventions": each with its number or "Brouillon", host, dates, state, completion and "Ouvrir". */
export function conventionListCard(locale: TLocale, view: TConventionListView): TCard {
  const shown = view.items.slice(0, MAX_ITEMS);
  const hidden = view.items.length - shown.length;
  // Staff have no conventions of their own: told where theirs to follow are, not to create one.
  const emptyKey = view.canCreate ? "list.emptyCreate" : "list.emptyStaff";
  return renderTemplate("convention-list", {
    title: cardText(locale, "list.title"),
    empty: view.items.length === 0 ? cardText(locale, emptyKey) : "",
    items: shown.map((item) => itemData(locale, item)),
    more: hidden > 0 ? cardText(locale, "list.more", { count: hidden }) : "",
    actions: view.canCreate ? [cardAction(cardText(locale, "actions.newConvention"), "new_convention", {}, { style: "positive" })] : [],
  });
}
