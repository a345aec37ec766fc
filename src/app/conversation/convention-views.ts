import type { TConventionHeader, TConventionListView, TConventionRights, TProgressView, TRecapView, TSectionFormView } from "../../cards/views.ts";
import type { TConventionValues } from "../../domain/convention.ts";
import { authorize, type TActor } from "../../domain/permissions.ts";
import type { TRuleResult } from "../../domain/rules/index.ts";
import { conventionCompletion, sectionCompletion, type TFieldError, type TSectionId } from "../../domain/sections/index.ts";
import type { TLocale } from "../../i18n/translate.ts";
import { conventionSubject } from "../convention-subject.ts";
import type { TFormData, TStoredConvention } from "../ports/conventions.ts";

// The views of a stored convention that the card builders take (their shapes: src/cards/views.ts),
// with the viewer's rights decided here, by the permission matrix.

/** Title facts of a convention. */
export async function headerOf(formData: TFormData, convention: TStoredConvention, locale: TLocale): Promise<TConventionHeader> {
  const values = convention.values;
  const labels = values.etablissementId === null ? {} : await formData.labelsFor({ etablissementId: values.etablissementId }, locale);
  return {
    conventionId: convention.id,
    numero: convention.numero,
    version: convention.version,
    state: convention.state,
    studentName: [values.etudiantFirstName, values.etudiantLastName].filter(Boolean).join(" "),
    etablissementName: labels.etablissementId ?? null,
    dateDebut: values.dateDebut,
    dateFin: values.dateFin,
    updatedAt: convention.updatedAt,
  };
}

/** What the actor may do on this convention, as the permission matrix decides. */
export function rightsOf(actor: TActor, convention: TStoredConvention): TConventionRights {
  const subject = conventionSubject(convention);
  return {
    canEdit: authorize(actor, { kind: "edit" }, subject).allowed,
    canDelete: authorize(actor, { kind: "delete" }, subject).allowed,
    canSubmit: authorize(actor, { kind: "submit" }, subject).allowed,
    canRequestAvenant: authorize(actor, { kind: "request_avenant" }, subject).allowed,
    canViewHistory: authorize(actor, { kind: "view_history" }, subject).allowed,
    canUnvalidate: subject.state === "VALIDATED" && authorize(actor, { kind: "unvalidate" }, subject).allowed,
  };
}

/** The progress card's view. */
export async function progressView(formData: TFormData, actor: TActor, convention: TStoredConvention, locale: TLocale): Promise<TProgressView> {
  return {
    ...(await headerOf(formData, convention, locale)),
    completion: conventionCompletion(convention.values),
    rights: rightsOf(actor, convention),
    currentStep: convention.currentStep,
  };
}

/** A section form's view; after a rejected submission, its values overlay the saved ones and its errors are shown. */
export async function sectionFormView(
  formData: TFormData,
  actor: TActor,
  convention: TStoredConvention,
  sectionId: TSectionId,
  locale: TLocale,
  rejected?: { answers: Partial<TConventionValues>; errors: readonly TFieldError[] },
): Promise<TSectionFormView> {
  const values = { ...convention.values, ...(rejected?.answers ?? {}) };
  const [header, labels, choices] = await Promise.all([
    headerOf(formData, convention, locale),
    formData.labelsFor(values, locale),
    formData.choicesFor(sectionId, convention, locale),
  ]);
  return {
    header,
    sectionId,
    values,
    labels,
    choices,
    errors: [...(rejected?.errors ?? [])],
    // What the person just typed counts: only the fields still empty are said missing.
    missing: sectionCompletion(sectionId, values).missing,
    readOnly: !rightsOf(actor, convention).canEdit,
  };
}

/** The récapitulatif's view with the rules' results. */
export async function recapView(formData: TFormData, actor: TActor, convention: TStoredConvention, rules: TRuleResult[], locale: TLocale): Promise<TRecapView> {
  const [header, labels] = await Promise.all([headerOf(formData, convention, locale), formData.labelsFor(convention.values, locale)]);
  return {
    header,
    values: convention.values,
    labels,
    completion: conventionCompletion(convention.values),
    rules,
    rights: rightsOf(actor, convention),
  };
}

/** One line of "mes conventions". */
export async function conventionSummary(
  turn: { deps: { formData: TFormData }; locale: TLocale },
  convention: TStoredConvention,
): Promise<TConventionListView["items"][number]> {
  const completion = conventionCompletion(convention.values);
  const sections = Object.values(completion.sections);
  return {
    ...(await headerOf(turn.deps.formData, convention, turn.locale)),
    completeSections: sections.filter((section) => section.state === "complete").length,
    totalSections: sections.length,
  };
}
