import type { TCard } from "./card-contract.ts";
import { translate, type TLocale } from "../i18n/translate.ts";
import { cardAction, cardText, formatDate, type TCardAction } from "./card-format.ts";
import { renderTemplate } from "./render-template.ts";
import type { TStaffListItem, TStaffListView } from "./views.ts";
import { clipText, stepName } from "./workflow-format.ts";

// A Slack message holds 50 blocks and each convention takes two (its line and its button):
// at most 20 conventions, shared fairly between the steps, then how many more per step.
const MAX_ITEMS = 20;
const MAX_QUERY = 150;

type TGroupData = { heading: string; items: Array<{ line: string; action: TCardAction }>; more: string };

type TGroup = TStaffListView["groups"][number];

/** How many items of each group are shown: one per group in turn, until MAX_ITEMS. */
function allotments(groups: readonly TGroup[]): number[] {
  const counts = groups.map(() => 0);
  let total = 0;
  let progressed = true;
  while (progressed && total < MAX_ITEMS) {
    progressed = false;
    groups.forEach((group, index) => {
      const count = counts[index] ?? 0;
      if (total < MAX_ITEMS && count < group.items.length) {
        counts[index] = count + 1;
        total += 1;
        progressed = true;
      }
    });
  }
  return counts;
}

function stateText(locale: TLocale, item: TStaffListItem): string {
  const state = translate(locale, `domain:states.${item.state}`);
  return item.state === "SUBMITTED" && item.step !== null ? cardText(locale, "staffList.stateStep", { state, step: stepName(locale, item.step) }) : state;
}

function waitingText(locale: TLocale, days: number): string {
  return !(days >= 1) ? cardText(locale, "staffList.waitingToday") : cardText(locale, "staffList.waiting", { count: days });
}

/** "n° 51928 — Léa Martin — Calanques Numériques — début 02/03/2026 — en attente depuis 3 jours". */
function itemLine(locale: TLocale, kind: TStaffListView["kind"], item: TStaffListItem): string {
  const parts = [
    item.numero === null ? cardText(locale, "list.draft") : cardText(locale, "staffList.numero", { numero: item.numero }),
    item.studentName,
    item.etablissementName ?? cardText(locale, "common.notChosen"),
  ];
  if (item.dateDebut !== null) parts.push(cardText(locale, "staffList.start", { date: formatDate(item.dateDebut) }));
  parts.push(kind === "to_validate" ? waitingText(locale, item.waitingDays) : stateText(locale, item));
  return parts.join(" — ");
}

function groupData(locale: TLocale, kind: TStaffListView["kind"], group: TGroup, shown: number): TGroupData {
  const hidden = group.items.length - shown;
  const moreKey = kind === "to_validate" ? "staffList.moreAtStep" : "staffList.moreResults";
  return {
    heading: group.step === null ? "" : cardText(locale, "staffList.groupTitle", { step: stepName(locale, group.step), count: group.items.length }),
    items: group.items.slice(0, shown).map((item) => ({
      line: itemLine(locale, kind, item),
      action: cardAction(cardText(locale, "actions.open"), "open_approval", { conventionId: item.conventionId }),
    })),
    more: hidden > 0 ? cardText(locale, moreKey, { count: hidden }) : "",
  };
}

/** "À valider" grouped by step, oldest first, or the results of a search, each with "Ouvrir". */
export function staffListCard(locale: TLocale, view: TStaffListView): TCard {
  const groups = view.groups.filter((group) => group.items.length > 0);
  const counts = allotments(groups);
  const search = view.kind === "search";
  const emptyKey = search ? "staffList.searchEmpty" : "staffList.empty";
  return renderTemplate("staff-list", {
    title: search ? cardText(locale, "staffList.searchTitle", { query: clipText(view.query.trim(), MAX_QUERY) }) : cardText(locale, "staffList.title"),
    empty: groups.length === 0 ? cardText(locale, emptyKey) : "",
    groups: groups.map((group, index) => groupData(locale, view.kind, group, counts[index] ?? 0)),
  });
}
