import type { TValueLabels } from "../../cards/views.ts";
import type { TConventionValues } from "../../domain/convention.ts";
import type { TAvenantPdfModel, TConventionPdfModel } from "../../pdf/model.ts";
import type { TStoredConvention } from "../ports/conventions.ts";
import { buildAvenantPdfModel } from "./avenant-pdf-model.ts";
import { buildConventionPdfModel } from "./convention-pdf-model.ts";
import type { TAvenantFacts, TDocumentDeps } from "../ports/documents.ts";

type TModelDeps = Pick<TDocumentDeps, "documents" | "formData" | "institution" | "clock" | "facts">;

// English labels only for the bilingual model: the others never print them.
async function labelsOf(deps: TModelDeps, values: Partial<TConventionValues>, bilingual: boolean): Promise<{ fr: TValueLabels; en: TValueLabels }> {
  const [fr, en] = await Promise.all([deps.formData.labelsFor(values, "fr"), bilingual ? deps.formData.labelsFor(values, "en") : Promise.resolve({})]);
  return { fr, en };
}

/** The PDF model of a stored convention: its directory records, the labels of its codes, the institution's clauses. */
export async function loadConventionPdfModel(deps: TModelDeps, convention: TStoredConvention): Promise<TConventionPdfModel> {
  const values = convention.values;
  const [parties, labels, gratificationRates] = await Promise.all([
    deps.documents.parties(convention.id, values),
    labelsOf(deps, values, values.langue === "EN_FR"),
    deps.facts.gratificationRates(),
  ]);
  return buildConventionPdfModel({ convention, parties, labels, institution: deps.institution, createdAt: deps.clock(), gratificationRates });
}

/** The PDF model of an avenant of `convention`, with the labels of its old and new values. */
export async function loadAvenantPdfModel(deps: TModelDeps, avenant: TAvenantFacts, convention: TStoredConvention): Promise<TAvenantPdfModel> {
  const bilingual = convention.values.langue === "EN_FR";
  // Before it is applied, the "old" values are the convention's current ones.
  const before = avenant.previousValues ?? convention.values;
  const [parties, beforeLabels, afterLabels, gratificationRates] = await Promise.all([
    deps.documents.parties(convention.id, convention.values),
    labelsOf(deps, before, bilingual),
    labelsOf(deps, avenant.changes, bilingual),
    deps.facts.gratificationRates(),
  ]);
  return buildAvenantPdfModel({
    avenant,
    convention,
    parties,
    labels: { before: beforeLabels, after: afterLabels },
    institution: deps.institution,
    createdAt: deps.clock(),
    gratificationRates,
  });
}
