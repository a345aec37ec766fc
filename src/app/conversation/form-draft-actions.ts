import { z } from "zod/v4";
import { formAnswers } from "../../cards/index.ts";
import { isSectionId, type TSectionId } from "../../domain/sections/index.ts";
import { translate } from "../../i18n/translate.ts";
import type { TStoredConvention } from "../ports/conventions.ts";
import type { TTurn } from "./context.ts";
import { parseData, visibleConvention } from "./convention-actions.ts";
import { rightsOf } from "./convention-views.ts";
import { noticeEffect, sectionFormEffect } from "./effect-builders.ts";
import type { TEffect } from "./effects.ts";
import { ZId } from "./inbound-values.ts";

// Issue 14, item 10: one Escape must not lose what was typed. A section form closed without
// saving keeps its answers aside (FormDraft), never in the convention's saved values; reopening
// the section shows them again, until they are saved or discarded.

const ZSectionRef = z.object({ conventionId: ZId, section: z.string().refine(isSectionId) });

function sectionName(turn: TTurn, section: TSectionId): string {
  return translate(turn.locale, `domain:sections.${section}`);
}

// The answers that differ from the saved values: nothing else is worth keeping.
function changedAnswers(convention: TStoredConvention, answers: Record<string, unknown>): Record<string, unknown> {
  const saved: Readonly<Record<string, unknown>> = convention.values;
  return Object.fromEntries(Object.entries(answers).filter(([field, value]) => JSON.stringify(value ?? null) !== JSON.stringify(saved[field] ?? null)));
}

/** A section form closed without saving: what differs from the saved answers is kept, and the person is told so. */
export async function formClosed(turn: TTurn, data: Record<string, unknown>): Promise<TEffect[]> {
  const { conventionId, section } = parseData(ZSectionRef, data);
  if (!isSectionId(section)) return [{ kind: "close_form" }];
  const convention = await visibleConvention(turn, conventionId);
  // Checked before any write: a form that can no longer change keeps nothing.
  if (!rightsOf(turn.actor, convention).canEdit) return [{ kind: "close_form" }];
  const changed = changedAnswers(convention, formAnswers(section, data));
  if (Object.keys(changed).length === 0) {
    await turn.deps.formDrafts.discard(turn.actor.personId, conventionId, section);
    return [{ kind: "close_form" }];
  }
  await turn.deps.formDrafts.keep(turn.actor.personId, conventionId, section, changed);
  const notice = { tone: "warning" as const, titleKey: "conversation:formDrafts.kept", params: { section: sectionName(turn, section) } };
  return [{ kind: "close_form" }, noticeEffect(turn, conventionId, notice)];
}

/** « Abandonner cette saisie »: the kept answers are dropped, the form shows the saved ones. */
export async function discardFormDraft(turn: TTurn, data: Record<string, unknown>): Promise<TEffect[]> {
  const { conventionId, section } = parseData(ZSectionRef, data);
  if (!isSectionId(section)) return [];
  const convention = await visibleConvention(turn, conventionId);
  await turn.deps.formDrafts.discard(turn.actor.personId, conventionId, section);
  const notice = { tone: "default" as const, titleKey: "conversation:formDrafts.discarded", params: { section: sectionName(turn, section) } };
  return [await sectionFormEffect(turn, convention, section), noticeEffect(turn, conventionId, notice)];
}

/** A section's form, with the answers kept from a form closed without saving, if any. */
export async function sectionFormWithDraft(turn: TTurn, convention: TStoredConvention, section: TSectionId): Promise<TEffect> {
  const draft = rightsOf(turn.actor, convention).canEdit ? await turn.deps.formDrafts.get(turn.actor.personId, convention.id, section) : null;
  if (draft === null) return sectionFormEffect(turn, convention, section);
  return sectionFormEffect(turn, convention, section, undefined, { answers: draft.answers, at: draft.updatedAt });
}
