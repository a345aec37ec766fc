import { buildAvenantPdfModel } from "../app/documents/avenant-pdf-model.ts";
import { buildConventionPdfModel } from "../app/documents/convention-pdf-model.ts";
import { institutionClauses } from "../app/documents/institution-clauses.ts";
import type { TInstitution } from "../app/ports/documents.ts";
import { DEFAULT_GRATIFICATION_RATES } from "../domain/rules/index.ts";
import type { TAvenantPdfModel, TConventionPdfModel } from "./model.ts";
import { sampleConvention, sampleParties, type TSampleOptions } from "./sample-data.ts";
import { sampleLabels } from "./sample-labels.ts";

export { SAMPLE_TEXTS, type TSampleOptions } from "./sample-data.ts";

/** The demo university, as UNIVERSITY_NAME names it by default. */
const SAMPLE_DATE = new Date("2026-11-28T10:00:00Z");

function institution(logo: Uint8Array | null): TInstitution {
  return { name: "Université de démonstration", logo, clauses: institutionClauses() };
}

/** A sample convention's PDF model, built as for a stored one but from the demo data in memory. */
export function sampleConventionModel(options: TSampleOptions & { logo?: Uint8Array | null } = {}): TConventionPdfModel {
  const convention = sampleConvention(options);
  const values = convention.values;
  return buildConventionPdfModel({
    convention,
    parties: sampleParties(options),
    labels: { fr: sampleLabels(values, "fr"), en: sampleLabels(values, "en") },
    institution: institution(options.logo ?? null),
    createdAt: SAMPLE_DATE,
    gratificationRates: DEFAULT_GRATIFICATION_RATES,
  });
}

/** A sample avenant: Léa Martin's internship at the AP-HM ends two weeks later, with a higher gratification. */
export function sampleAvenantModel(options: { lang?: TSampleOptions["lang"] } = {}): TAvenantPdfModel {
  const before = sampleConvention({ lang: options.lang ?? "fr" });
  const convention = { ...before, version: before.version + 1, values: { ...before.values, dateFin: "2027-05-14", gratificationMontant: 4.6 } };
  const labels = { fr: sampleLabels(convention.values, "fr"), en: sampleLabels(convention.values, "en") };
  return buildAvenantPdfModel({
    avenant: {
      id: 1,
      conventionId: convention.id,
      numero: 1,
      status: "VALIDATED",
      motifs: [
        { code: "DATES", fr: "Modification des dates du stage", en: "Change of internship dates" },
        { code: "GRATIFICATION", fr: "Modification de la gratification", en: "Change of stipend" },
      ],
      motifAutre: null,
      comment: "Prolongation demandée par le service pour terminer l'étude en cours.",
      changes: { dateFin: "2027-05-14", gratificationMontant: 4.6 },
      previousValues: { dateFin: before.values.dateFin, gratificationMontant: before.values.gratificationMontant },
      decidedAt: SAMPLE_DATE,
      appliedAt: SAMPLE_DATE,
    },
    convention,
    parties: { ...sampleParties({ lang: options.lang ?? "fr" }), avenants: [1] },
    labels: { before: labels, after: labels },
    institution: institution(null),
    createdAt: SAMPLE_DATE,
    gratificationRates: DEFAULT_GRATIFICATION_RATES,
  });
}
