// The gestionnaire's digest (issue 13): what waits for them in one centre, urgent internships
// first, then each step oldest first, avenants and établissement proposals; each line opens its
// convention, and the card offers the full list and a way to pause reminders.
import type { TCard } from "./card-contract.ts";
import type { TDigestPayload } from "./views.ts";
import { translate, type TLocale } from "../i18n/translate.ts";
import { cardAction, formatDate, formatInstant, type TCardAction } from "./card-format.ts";
import { renderTemplate } from "./render-template.ts";

type TLine = { line: string; action: TCardAction };
type TGroupData = { heading: string; color: string; items: TLine[]; more: string };

const t = (locale: TLocale, key: string, params: Record<string, unknown> = {}) => translate(locale, `reminders:${key}`, params);

function conventionLine(locale: TLocale, item: TDigestPayload["urgent"]["items"][number]): TLine {
  const parts = [
    item.numero === null ? t(locale, "digest.noNumero") : t(locale, "digest.numero", { numero: item.numero }),
    item.studentName,
    ...(item.dateDebut === null ? [] : [t(locale, "digest.start", { date: formatDate(item.dateDebut) })]),
    item.waitingDays < 1 ? t(locale, "digest.waitingToday") : t(locale, "digest.waiting", { count: item.waitingDays }),
  ];
  if (item.urgent) parts.unshift(t(locale, "digest.urgentMark"));
  return { line: parts.join(" — "), action: cardAction(t(locale, "buttons.open"), "open_approval", { conventionId: item.conventionId }) };
}

function group(locale: TLocale, heading: string, total: number, items: TLine[], color = "Default"): TGroupData[] {
  if (total === 0) return [];
  const hidden = total - items.length;
  return [{ heading, color, items, more: hidden > 0 ? t(locale, "digest.more", { count: hidden }) : "" }];
}

/** The digest of one centre for one gestionnaire, in their language. */
export function digestCard(locale: TLocale, digest: TDigestPayload): TCard {
  const previous = digest.previousAt === null ? t(locale, "digest.firstOne") : t(locale, "digest.previous", formatInstant(locale, new Date(digest.previousAt)));
  const groups: TGroupData[] = [
    ...group(
      locale,
      t(locale, "digest.urgentHeading", { count: digest.urgent.total, days: digest.startingSoonDays }),
      digest.urgent.total,
      digest.urgent.items.map((item) => conventionLine(locale, item)),
      "Attention",
    ),
    ...digest.steps.flatMap((step) =>
      group(
        locale,
        t(locale, "digest.stepHeading", { step: translate(locale, `domain:steps.${step.step}`), count: step.total }),
        step.total,
        step.items.map((item) => conventionLine(locale, item)),
      ),
    ),
    ...group(
      locale,
      t(locale, "digest.avenantsHeading", { count: digest.avenants.total }),
      digest.avenants.total,
      digest.avenants.items.map((item) => ({
        line: [
          item.numero === null ? t(locale, "digest.noNumero") : t(locale, "digest.numero", { numero: item.numero }),
          t(locale, "digest.avenant", { numero: item.avenantNumero }),
          item.studentName,
          item.waitingDays < 1 ? t(locale, "digest.waitingToday") : t(locale, "digest.waiting", { count: item.waitingDays }),
        ].join(" — "),
        action: cardAction(t(locale, "buttons.open"), "open_approval", { conventionId: item.conventionId }),
      })),
    ),
    ...group(
      locale,
      t(locale, "digest.proposalsHeading", { count: digest.proposals.total }),
      digest.proposals.total,
      digest.proposals.items.map((item) => ({
        line: [item.etablissementName, item.waitingDays < 1 ? t(locale, "digest.waitingToday") : t(locale, "digest.waiting", { count: item.waitingDays })].join(
          " — ",
        ),
        action: cardAction(t(locale, "buttons.fullList"), "to_validate", {}),
      })),
    ),
  ];
  return renderTemplate("digest", {
    title: t(locale, "digest.title", { centre: digest.centreName, date: formatDate(digest.localDate) }),
    previous,
    groups,
    actions: [cardAction(t(locale, "buttons.fullList"), "to_validate", {}), cardAction(t(locale, "buttons.pause"), "pause_reminders", {})],
  });
}
