import type { TAvenantApprovalView, TAvenantChange, TAvenantFigure } from "../../cards/views.ts";
import type { TRuleResult } from "../../domain/rules/index.ts";
import { pickValues } from "../../domain/avenant.ts";
import type { TConventionValues } from "../../domain/convention.ts";
import { authorize, type TActor } from "../../domain/permissions.ts";
import type { TLocale } from "../../i18n/translate.ts";
import { conventionSubject } from "../convention-subject.ts";
import { evaluateConvention } from "../evaluate-convention.ts";
import type { TClock } from "../ports/clock.ts";
import type { TConventionStore, TFormData, TRulesFactsSource } from "../ports/conventions.ts";
import type { TAvenantStore } from "../ports/avenants.ts";

type TDeps = { conventions: TConventionStore; avenants: TAvenantStore; formData: TFormData; facts: TRulesFactsSource; clock: TClock };

function label(labels: Readonly<Record<string, string | undefined>>, field: string): string | null {
  return labels[field] ?? null;
}

function figureOf(rules: readonly TRuleResult[], figure: TAvenantFigure["figure"]): number | null {
  const codes = figure === "dureeEffective" ? ["DUREE_EFFECTIVE"] : ["GRATIFICATION_MANDATORY", "GRATIFICATION_MANDATORY_CUMULATED"];
  const value = rules.find((result) => codes.includes(result.code))?.params?.[figure === "dureeEffective" ? "hours" : "minimum"];
  return typeof value === "number" ? value : null;
}

/** What the avenant does to the legal figures (L124-6, D124-8): the durée effective and the minimum gratification, when they change. */
export function avenantFigures(before: readonly TRuleResult[], after: readonly TRuleResult[]): TAvenantFigure[] {
  return (["dureeEffective", "minimumGratification"] as const)
    .map((figure) => ({ figure, before: figureOf(before, figure), after: figureOf(after, figure) }))
    .filter((figure) => figure.before !== figure.after);
}

/**
 * The approval card of an avenant as `reader` sees it: each change with its value before
 * (kept on the avenant once applied) and after, the legal warnings of the amended convention,
 * buttons only while it waits and the reader may decide; once decided, who, when, why.
 */
export async function avenantApprovalView(deps: TDeps, reader: TActor, locale: TLocale, avenantId: number): Promise<TAvenantApprovalView> {
  const avenant = await deps.avenants.get(avenantId);
  const convention = await deps.conventions.get(avenant.conventionId);
  const fields = Object.keys(avenant.changes);
  const before = avenant.previousValues ?? pickValues(convention.values, fields);
  // Once applied the convention is the amended one; until then, what it would become.
  const amended: TConventionValues = avenant.status === "VALIDATED" ? convention.values : { ...convention.values, ...avenant.changes };
  const original: TConventionValues = { ...convention.values, ...before };
  const [beforeLabels, afterLabels, hostLabels, rules, originalRules, motifChoices] = await Promise.all([
    deps.formData.labelsFor(before, locale),
    deps.formData.labelsFor(avenant.changes, locale),
    deps.formData.labelsFor({ etablissementId: convention.values.etablissementId }, locale),
    evaluateConvention(deps, { ...convention, values: amended }),
    evaluateConvention(deps, { ...convention, values: original }),
    deps.avenants.motifChoices(locale),
  ]);
  const beforeValues: Readonly<Record<string, unknown>> = before;
  const afterValues: Readonly<Record<string, unknown>> = avenant.changes;
  const changes: TAvenantChange[] = fields.map((field) => ({
    field,
    before: beforeValues[field] ?? null,
    after: afterValues[field] ?? null,
    beforeLabel: label(beforeLabels, field),
    afterLabel: label(afterLabels, field),
  }));
  const values = convention.values;
  return {
    conventionId: convention.id,
    numero: convention.numero,
    avenantId: avenant.id,
    avenantNumero: avenant.numero,
    studentName: [values.etudiantFirstName, values.etudiantLastName].filter(Boolean).join(" "),
    etablissementName: hostLabels.etablissementId ?? null,
    motifs: avenant.motifs.map((motif) => motifChoices.find((choice) => choice.value === motif)?.title ?? motif),
    motifAutre: avenant.motifAutre,
    comment: avenant.comment,
    requestedBy: avenant.requestedByName,
    requestedAt: avenant.createdAt,
    changes,
    figures: avenantFigures(originalRules, rules),
    confidential: values.confidentiel === true,
    warnings: rules.filter((result) => result.severity === "warning"),
    decided: avenant.decision,
    cancelled: avenant.status === "CANCELLED",
    canDecide: avenant.status === "SUBMITTED" && authorize(reader, { kind: "decide_avenant" }, conventionSubject(convention)).allowed,
  };
}
