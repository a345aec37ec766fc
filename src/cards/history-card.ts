import type { TCard } from "./card-contract.ts";
import { hasTranslation, translate, type TLocale } from "../i18n/translate.ts";
import { cardText, type TFact } from "./card-format.ts";
import { changeFacts } from "./history-changes.ts";
import { renderTemplate } from "./render-template.ts";
import type { THistoryEntry, THistoryView } from "./views.ts";
import { clipText, instantText, numeroText, stepName } from "./workflow-format.ts";

// A Slack message holds 50 blocks and each entry takes two (its line and its changes): the
// most recent entries only, then how many older ones. Teams caps a card near 28 KB: the
// entries also share a budget of characters.
const MAX_ENTRIES = 20;
const MAX_CHARACTERS = 20_000;
const MAX_REASON = 1500;

type TEntryData = { line: string; changes: TFact[] };

function sectionName(locale: TLocale, section: string | null): string {
  if (section === null) return "";
  const key = `domain:sections.${section}`;
  return hasTranslation(locale, key) ? translate(locale, key) : section;
}

// What happened, as a verb phrase after the actor's name: "a validé l'étape « Validation pédagogique »".
function actionText(locale: TLocale, entry: THistoryEntry): string {
  const key = `cards:history.actions.${entry.action}`;
  const params = {
    section: sectionName(locale, entry.section),
    step: entry.step === null ? "" : stepName(locale, entry.step),
    avenant: numeroText(entry.avenantNumero),
    action: entry.action,
  };
  // Only "entity.verb" names a phrase: anything else would reach a whole branch of the locale file.
  const known = /^[A-Za-z]+\.[A-Za-z_]+$/.test(entry.action) && hasTranslation(locale, key);
  const what = known ? translate(locale, key, params) : cardText(locale, "history.otherAction", params);
  if (entry.reason === null || entry.reason.trim() === "") return what;
  return cardText(locale, "history.withReason", { what, reason: clipText(entry.reason.trim(), MAX_REASON) });
}

// Fields of an avenant's own audit records (its number, status, motives): the action's phrase
// says them, they are not changes of the convention.
const AVENANT_META: ReadonlySet<string> = new Set(["avenantNumero", "status", "motifs", "motifAutre", "comment"]);

// An avenant's number travels in its audit record's "after" (a pseudo-change, since the store
// reads every key of before/after as a field): read it back as the entry's avenant number.
function withAvenantNumero(entry: THistoryEntry): THistoryEntry {
  if (!entry.action.startsWith("avenant.")) return entry;
  const carried = entry.changes.find((change) => change.field === "avenantNumero")?.after;
  const avenantNumero = entry.avenantNumero ?? (typeof carried === "number" ? carried : null);
  return { ...entry, avenantNumero, changes: entry.changes.filter((change) => !AVENANT_META.has(change.field)) };
}

function entryData(locale: TLocale, raw: THistoryEntry): TEntryData {
  const entry = withAvenantNumero(raw);
  const line = cardText(locale, "history.line", {
    when: instantText(locale, entry.at),
    who: entry.actorName ?? cardText(locale, "history.system"),
    what: actionText(locale, entry),
  });
  return { line, changes: changeFacts(locale, entry.changes) };
}

function size(entry: TEntryData): number {
  return entry.changes.reduce((total, fact) => total + fact.title.length + fact.value.length, entry.line.length);
}

// Newest first, as many as the limits allow; the rest is counted with the older ones left out.
function shownEntries(locale: TLocale, view: THistoryView): { entries: TEntryData[]; omitted: number } {
  const newestFirst = [...view.entries].sort((a, b) => b.at.getTime() - a.at.getTime());
  const entries: TEntryData[] = [];
  let characters = 0;
  for (const entry of newestFirst.slice(0, MAX_ENTRIES)) {
    const data = entryData(locale, entry);
    characters += size(data);
    if (entries.length > 0 && characters > MAX_CHARACTERS) break;
    entries.push(data);
  }
  return { entries, omitted: view.omitted + view.entries.length - entries.length };
}

/** "Historique de la convention n° …": who did what and when, newest first, with the values before and after. */
export function historyCard(locale: TLocale, view: THistoryView): TCard {
  const { header } = view;
  const { entries, omitted } = shownEntries(locale, view);
  return renderTemplate("history", {
    title: header.numero === null ? cardText(locale, "history.titleDraft") : cardText(locale, "history.title", { numero: header.numero }),
    subtitle: header.studentName,
    empty: entries.length === 0 && omitted === 0 ? cardText(locale, "history.empty") : "",
    entries,
    more: omitted > 0 ? cardText(locale, "history.omitted", { count: omitted }) : "",
  });
}
