import { createHash } from "node:crypto";
import { REGISTER_CHOICE_PREFIX, registerSiretOf } from "../hosts/search-hosts.ts";
import { chooseRegisterSite } from "./host-actions.ts";
import { z } from "zod/v4";
import { conventionSummary, headerOf, recapView } from "./convention-views.ts";
import { ZId } from "./inbound-values.ts";
import { previewConventionPdf } from "../documents/preview-convention-pdf.ts";
import { confirmDeleteCard, conventionListCard, formAnswers, helpCard, noticeCard, recapCard } from "../../cards/index.ts";
import { isSectionId } from "../../domain/sections/index.ts";
import { translate } from "../../i18n/translate.ts";
import { AppError, fieldErrorsOf } from "../app-error.ts";
import { assertAllowed } from "../convention-subject.ts";
import { checkDeletable, deleteDraft } from "../delete-draft.ts";
import { evaluateConvention } from "../evaluate-convention.ts";
import { listConventions } from "../list-conventions.ts";
import { saveSection } from "../save-section.ts";
import { startConvention } from "../start-convention.ts";
import { submitConvention } from "../submit-convention.ts";
import type { TStoredConvention } from "../ports/conventions.ts";
import { audienceOf, type TTurn } from "./context.ts";
import { noticeEffect, progressEffect, sectionFormEffect } from "./effect-builders.ts";
import type { TEffect } from "./effects.ts";
import { sectionFormWithDraft } from "./form-draft-actions.ts";
import { withPreviewLink } from "./pdf-links.ts";

const ZConventionRef = z.object({ conventionId: ZId });
const ZVersioned = z.object({ conventionId: ZId, version: z.coerce.number().int().positive() });
const ZSectionRef = z.object({ conventionId: ZId, section: z.string().refine(isSectionId) });

/** Reads an action's data, or refuses it as invalid input (a tampered or outdated card). */
export function parseData<T>(schema: z.ZodType<T>, data: unknown): T {
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new AppError("INVALID_INPUT", { reason: "action_data" });
  return parsed.data;
}

/** Loads a convention the actor may see, or throws FORBIDDEN. */
export async function visibleConvention(turn: TTurn, conventionId: number): Promise<TStoredConvention> {
  const convention = await turn.deps.conventions.get(conventionId);
  assertAllowed(turn.actor, { kind: "view" }, convention);
  return convention;
}

/** "Nouvelle convention": a prefilled draft and its thread. */
export async function newConvention(turn: TTurn): Promise<TEffect[]> {
  // Staff follow conventions, students create them: told what they can do instead of a refusal.
  if (audienceOf(turn.actor) === "staff") {
    return [noticeEffect(turn, null, { tone: "default", titleKey: "conversation:hidden.staffNewTitle", textKey: "conversation:hidden.staffNew" })];
  }
  const convention = await startConvention(turn.deps, turn.actor);
  return [
    await progressEffect(turn, convention),
    noticeEffect(turn, convention.id, { tone: "good", titleKey: "conversation:created.title", textKey: "conversation:created.text" }),
  ];
}

/** "Mes conventions". */
export async function listOwnConventions(turn: TTurn, conventionId: number | null): Promise<TEffect[]> {
  const conventions = await listConventions(turn.deps, turn.actor);
  const items = await Promise.all(conventions.map((convention) => conventionSummary(turn, convention)));
  const card = conventionListCard(turn.locale, { items, canCreate: turn.actor.studentId !== undefined });
  return [{ kind: "post", conventionId, card }];
}

/** "Aide". */
export function help(turn: TTurn, conventionId: number | null): TEffect[] {
  return [{ kind: "post", conventionId, card: helpCard(turn.locale, audienceOf(turn.actor)) }];
}

/** Opens (or reopens) a convention's thread: its progress card, refreshed. */
export async function openConvention(turn: TTurn, data: unknown): Promise<TEffect[]> {
  const { conventionId } = parseData(ZConventionRef, data);
  const convention = await visibleConvention(turn, conventionId);
  return [
    await progressEffect(turn, convention),
    noticeEffect(turn, convention.id, { tone: "default", titleKey: "conversation:resumed.title", textKey: "conversation:resumed.text" }),
  ];
}

/** Opens one section's form, prefilled. */
export async function openSection(turn: TTurn, data: unknown): Promise<TEffect[]> {
  const { conventionId, section } = parseData(ZSectionRef, data);
  const convention = await visibleConvention(turn, conventionId);
  if (!isSectionId(section)) return [];
  return [await sectionFormWithDraft(turn, convention, section)];
}

/** Saves a submitted form at once; a rejected one comes back with each field's error and nothing saved. */
export async function saveSectionAction(turn: TTurn, data: Record<string, unknown>): Promise<TEffect[]> {
  const { conventionId, version, section } = parseData(ZVersioned.extend({ section: z.string().refine(isSectionId) }), data);
  if (!isSectionId(section)) return [];
  // A site of the national register chosen in the typeahead: not yet an établissement of the base.
  if (section === "etablissement" && typeof data.etablissementId === "string" && data.etablissementId.startsWith(REGISTER_CHOICE_PREFIX)) {
    return chooseRegisterSite(turn, conventionId, registerSiretOf(data.etablissementId));
  }
  const answers = formAnswers(section, data);
  try {
    const { convention, completion } = await saveSection(turn.deps, turn.actor, { conventionId, expectedVersion: version, sectionId: section, answers });
    // Saved: what was kept from a form closed without saving has served.
    await turn.deps.formDrafts.discard(turn.actor.personId, conventionId, section);
    const missing = completion.sections[section].missing.length;
    return [
      { kind: "close_form" },
      await progressEffect(turn, convention),
      noticeEffect(turn, convention.id, {
        tone: missing === 0 ? "good" : "warning",
        titleKey: missing === 0 ? "conversation:saved.complete" : "conversation:saved.incomplete",
        params: { section: translate(turn.locale, `domain:sections.${section}`), count: missing },
      }),
    ];
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const convention = await visibleConvention(turn, conventionId);
    const errors = fieldErrorsOf(error);
    if (errors.length > 0) return [await sectionFormEffect(turn, convention, section, { answers, errors })];
    if (error.code === "STALE_VERSION") {
      return [noticeEffect(turn, conventionId, { tone: "warning", titleKey: "errors:STALE_VERSION" }), await sectionFormEffect(turn, convention, section)];
    }
    throw error;
  }
}

/** The récapitulatif, with the legal rules' results. */
export async function showRecap(turn: TTurn, data: unknown): Promise<TEffect[]> {
  const { conventionId } = parseData(ZConventionRef, data);
  const convention = await visibleConvention(turn, conventionId);
  const rules = await evaluateConvention(turn.deps, convention);
  const card = recapCard(turn.locale, await recapView(turn.deps.formData, turn.actor, convention, rules, turn.locale));
  return [{ kind: "post", conventionId, card }];
}

/** "Valider": the convention gets its number and enters validation; what blocks it is said. */
export async function submit(turn: TTurn, data: unknown): Promise<TEffect[]> {
  const { conventionId, version } = parseData(ZVersioned, data);
  try {
    const { convention, steps } = await submitConvention(turn.deps, turn.actor, { conventionId, expectedVersion: version });
    // The centre's own steps, in its order: DEMO-PSY has two, DEMO-SCI three.
    const stepList = steps.map((step) => translate(turn.locale, "conversation:submitted.step", { step: translate(turn.locale, `domain:steps.${step}`) }));
    return [
      await progressEffect(turn, convention),
      noticeEffect(turn, convention.id, {
        tone: "good",
        titleKey: "conversation:submitted.title",
        textKey: "conversation:submitted.text",
        params: {
          numero: convention.numero ?? convention.id,
          count: steps.length,
          steps: stepList.join(translate(turn.locale, "conversation:submitted.then")),
        },
      }),
    ];
  } catch (error) {
    if (error instanceof AppError && error.code === "FORBIDDEN" && error.params.reason === "not_submittable") return alreadySubmitted(turn, conventionId);
    if (!(error instanceof AppError) || error.code !== "INVALID_INPUT" || error.params.reason === "action_data") throw error;
    // Incomplete or blocked: show the récapitulatif, whose lines say what to fix.
    return [
      noticeEffect(turn, conventionId, { tone: "attention", titleKey: "conversation:notSubmitted.title", textKey: "conversation:notSubmitted.text" }),
      ...(await showRecap(turn, { conventionId })),
    ];
  }
}

// An old récapitulatif's "Valider" on a convention already sent: its current state, and the progress card up to date.
async function alreadySubmitted(turn: TTurn, conventionId: number): Promise<TEffect[]> {
  const convention = await visibleConvention(turn, conventionId);
  const params = { numero: convention.numero ?? convention.id, state: translate(turn.locale, `domain:states.${convention.state}`) };
  return [
    await progressEffect(turn, convention),
    noticeEffect(turn, convention.id, {
      tone: "default",
      titleKey: "conversation:alreadySubmitted.title",
      textKey: "conversation:alreadySubmitted.text",
      params,
    }),
  ];
}

/** "Supprimer": asks for a confirmation that says deletion is final. */
export async function askDelete(turn: TTurn, data: unknown): Promise<TEffect[]> {
  const { conventionId } = parseData(ZConventionRef, data);
  const convention = await checkDeletable(turn.deps, turn.actor, conventionId);
  return [{ kind: "post", conventionId, card: confirmDeleteCard(turn.locale, await headerOf(turn.deps.formData, convention, turn.locale)) }];
}

/** The confirmed deletion: final, the thread is closed. */
export async function confirmDelete(turn: TTurn, data: unknown): Promise<TEffect[]> {
  const { conventionId, version } = parseData(ZVersioned, data);
  const { numero } = await deleteDraft(turn.deps, turn.actor, { conventionId, expectedVersion: version });
  const view =
    numero === null
      ? { tone: "default" as const, titleKey: "conversation:deleted.title", textKey: "conversation:deleted.text" }
      : { tone: "default" as const, titleKey: "conversation:deleted.titleNumbered", textKey: "conversation:deleted.textNumbered", params: { numero } };
  return [{ kind: "thread_closed", conventionId, card: noticeCard(turn.locale, view) }];
}

/** "Aperçu PDF": the convention as it would be printed, watermarked PROJET, without number; never stored. */
export async function previewPdf(turn: TTurn, data: unknown): Promise<TEffect[]> {
  const { conventionId } = parseData(ZConventionRef, data);
  const preview = await previewConventionPdf(turn.deps.documents, turn.actor, conventionId);
  const content = Buffer.from(preview.content);
  const notice = { tone: "default" as const, titleKey: "conversation:preview.title", textKey: "conversation:preview.text" };
  return [
    {
      kind: "file",
      conventionId,
      filename: preview.filename,
      content,
      sha256: createHash("sha256").update(content).digest("hex"),
      comment: translate(turn.locale, notice.titleKey),
    },
    noticeEffect(turn, conventionId, withPreviewLink(turn, conventionId, notice)),
  ];
}
