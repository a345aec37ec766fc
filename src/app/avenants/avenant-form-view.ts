import type { TAvenantFormError, TAvenantRequestFormView } from "../../cards/views.ts";
import { parseAvenantChanges } from "../../domain/avenant.ts";
import type { TConventionValues } from "../../domain/convention.ts";
import type { TSectionId } from "../../domain/sections/index.ts";
import type { TLocale } from "../../i18n/translate.ts";
import { headerOf } from "../conversation/convention-views.ts";
import type { TChoice } from "../conversation/events.ts";
import type { TFormData, TStoredConvention } from "../ports/conventions.ts";
import type { TAvenantStore } from "../ports/avenants.ts";

/** A submission that was refused: what was typed, shown again with each error. */
export interface TRejectedAvenant {
  motifs: string[];
  motifAutre: string;
  comment: string;
  /** The submitted answers, possibly malformed. */
  answers: Readonly<Record<string, unknown>>;
  errors: readonly TAvenantFormError[];
}

type TChoices = Partial<Record<keyof TConventionValues, TChoice[]>>;

// The sections of the fields an avenant may change, for their static choices.
const CHOICE_SECTIONS: readonly TSectionId[] = ["service", "tuteur", "stage", "enseignant"];

/** The avenant request form's view: the convention's current values, or a refused submission's with its errors. */
export async function avenantFormView(
  deps: { formData: TFormData; avenants: TAvenantStore },
  convention: TStoredConvention,
  locale: TLocale,
  rejected?: TRejectedAvenant,
): Promise<TAvenantRequestFormView> {
  const values: Record<string, unknown> = { ...convention.values, ...(rejected?.answers ?? {}) };
  const [header, labels, motifChoices, ...choiceSets] = await Promise.all([
    headerOf(deps.formData, convention, locale),
    // Labels of the values shown: a refused submission's new service or tuteur is named as such.
    deps.formData.labelsFor({ ...convention.values, ...parseAvenantChanges(rejected?.answers ?? {}).values }, locale),
    deps.avenants.motifChoices(locale),
    ...CHOICE_SECTIONS.map((sectionId) => deps.formData.choicesFor(sectionId, convention, locale)),
  ]);
  const choices = choiceSets.reduce<TChoices>((all, set) => ({ ...all, ...set }), {});
  return {
    header,
    motifChoices,
    motifs: rejected?.motifs ?? [],
    motifAutre: rejected?.motifAutre ?? "",
    comment: rejected?.comment ?? "",
    values,
    labels,
    choices,
    errors: [...(rejected?.errors ?? [])],
  };
}
