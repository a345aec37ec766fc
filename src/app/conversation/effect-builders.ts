import { noticeCard, progressCard, sectionFormCard, fieldErrorsByInput } from "../../cards/index.ts";
import type { TNoticeView } from "../../cards/views.ts";
import type { TConventionValues } from "../../domain/convention.ts";
import type { TRuleCode } from "../../domain/rules/index.ts";
import { computedDureeEffectiveHours } from "../../domain/convention-rules.ts";
import { validSectionAnswers, type TFieldError, type TSectionId } from "../../domain/sections/index.ts";
import { evaluateConvention } from "../evaluate-convention.ts";
import type { TStoredConvention } from "../ports/conventions.ts";
import type { TTurn } from "./context.ts";
import { progressView, sectionFormView } from "./convention-views.ts";
import type { TEffect } from "./effects.ts";

/** The thread's progress card, posted or updated in place. */
export async function progressEffect(turn: TTurn, convention: TStoredConvention): Promise<TEffect> {
  const view = await progressView(turn.deps.formData, turn.actor, convention, turn.locale);
  return { kind: "progress", conventionId: convention.id, card: progressCard(turn.locale, view) };
}

/** A short message in a thread (or the main conversation). */
export function noticeEffect(turn: Pick<TTurn, "locale">, conventionId: number | null, view: TNoticeView): TEffect {
  return { kind: "post", conventionId, card: noticeCard(turn.locale, view) };
}

// The figures the stage section decides, shown in its form: the durée effective and whether
// the gratification is mandatory with its minimum, in total and per month (L124-6, D124-8).
const STAGE_FIGURES: ReadonlySet<TRuleCode> = new Set([
  "DUREE_EFFECTIVE",
  "GRATIFICATION_MANDATORY",
  "GRATIFICATION_MANDATORY_CUMULATED",
  "GRATIFICATION_NOT_MANDATORY",
]);

/** A section's form; after a rejected submission, with its answers and each field's error. */
export async function sectionFormEffect(
  turn: TTurn,
  convention: TStoredConvention,
  sectionId: TSectionId,
  rejected?: { answers: Partial<TConventionValues>; errors: readonly TFieldError[] },
  draft?: { answers: Partial<TConventionValues>; at: Date },
): Promise<TEffect> {
  // Answers kept from a form closed without saving are shown as a refused save's are, without errors.
  const shownAnswers = rejected ?? (draft ? { answers: draft.answers, errors: [] } : undefined);
  const view = await sectionFormView(turn.deps.formData, turn.actor, convention, sectionId, turn.locale, shownAnswers);
  if (draft) view.resumedDraftAt = draft.at;
  if (sectionId === "stage") {
    // After a refused save, the figures follow the answers typed right, not only the saved ones.
    const typed = shownAnswers ? validSectionAnswers(sectionId, shownAnswers.answers) : {};
    const shown = { ...convention, values: { ...convention.values, ...typed } };
    view.figures = (await evaluateConvention(turn.deps, shown)).filter((r) => STAGE_FIGURES.has(r.code));
    view.computedDureeEffective = computedDureeEffectiveHours(shown.values);
  }
  const card = sectionFormCard(turn.locale, view);
  if (!rejected) return { kind: "form", conventionId: convention.id, card };
  return { kind: "form", conventionId: convention.id, card, errors: fieldErrorsByInput(turn.locale, rejected.errors) };
}
