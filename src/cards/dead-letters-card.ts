import type { TCard } from "./card-contract.ts";
import { translate, type TLocale } from "../i18n/translate.ts";
import { cardAction, formatInstant } from "./card-format.ts";
import { renderTemplate } from "./render-template.ts";
import { clipText } from "./workflow-format.ts";

/** One notification that could not be delivered, as the administrators' card shows it. */
export interface TDeadLetterLine {
  id: string;
  kind: string;
  recipientName: string | null;
  recipientEmail: string | null;
  numero: number | null;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
}

const MAX_REASON = 300;
const text = (locale: TLocale, key: string, params: Record<string, unknown> = {}) => translate(locale, `operations:${key}`, params);

function line(locale: TLocale, item: TDeadLetterLine): string {
  const { date, time } = formatInstant(locale, item.createdAt);
  const parts = [
    text(locale, "deadLetters.kind", { kind: item.kind }),
    item.recipientName === null ? text(locale, "deadLetters.noRecipient") : `${item.recipientName} <${item.recipientEmail ?? ""}>`,
    item.numero === null ? "" : text(locale, "deadLetters.numero", { numero: item.numero }),
    text(locale, "deadLetters.since", { date, time, attempts: item.attempts }),
  ];
  return parts.filter((part) => part !== "").join(" — ");
}

/** The notifications that could not be delivered, each with its reason and a "Renvoyer" button (administrators only). */
export function deadLettersCard(locale: TLocale, view: { items: readonly TDeadLetterLine[]; total: number }): TCard {
  const hidden = view.total - view.items.length;
  return renderTemplate("dead-letters", {
    title: text(locale, "deadLetters.title", { total: view.total }),
    empty: view.total === 0 ? text(locale, "deadLetters.empty") : "",
    items: view.items.map((item) => ({
      line: line(locale, item),
      reason: text(locale, "deadLetters.reason", { reason: clipText(item.lastError ?? text(locale, "deadLetters.noReason"), MAX_REASON) }),
      action: cardAction(text(locale, "deadLetters.requeue"), "requeue_notification", { outboxId: item.id }),
    })),
    more: hidden > 0 ? text(locale, "deadLetters.more", { hidden }) : "",
  });
}
