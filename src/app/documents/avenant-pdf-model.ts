import type { TValueLabels } from "../../cards/views.ts";
import type { TConventionValues } from "../../domain/convention.ts";
import { translate, type TLocale } from "../../i18n/translate.ts";
import type { TAvenantPdfModel, TPdfBlock, TPdfChrome, TPdfSection } from "../../pdf/model.ts";
import type { TStoredConvention } from "../ports/conventions.ts";
import type { TGratificationRates } from "../../domain/rules/index.ts";
import { clause, contextOf, inLanguages, localizedBy, t, word, type TPdfContext } from "./convention-pdf-context.ts";
import { signatureBlocks } from "./convention-pdf-parties.ts";
import { footerOf, joinLocalized, pdfDate, pdfMoney, pdfNumber, pdfPeriod } from "./pdf-text.ts";
import type { TAvenantFacts, TConventionParties, TInstitution } from "../ports/documents.ts";

// The avenant's PDF model: the convention it amends, its motives, each changed value
// (old → new) and the signatures of the convention's parties.

/** What an avenant's PDF model is built from. */
export interface TAvenantPdfInput {
  avenant: TAvenantFacts;
  /** The convention as it is now (the avenant possibly applied). */
  convention: TStoredConvention;
  parties: TConventionParties;
  /** Labels of the codes and ids of the old and the new values, in French and English. */
  labels: { before: { fr: TValueLabels; en: TValueLabels }; after: { fr: TValueLabels; en: TValueLabels } };
  institution: TInstitution;
  createdAt: Date;
  /** The rates of the legal minimum gratification, to state the minimum before and after; none: not stated. */
  gratificationRates?: TGratificationRates | null;
}

const CONFIDENTIAL_FIELDS = new Set<string>(["sujet", "fonctionsTaches", "competences"]);

type TPeriodValue = { dateDebut: string; dateFin: string };

function isPeriodList(value: unknown): value is TPeriodValue[] {
  return Array.isArray(value) && value.every((item) => typeof item === "object" && item !== null && "dateDebut" in item && "dateFin" in item);
}

/** How one value of the convention reads in one language; "(vide)" when it has none. */
function valueText(field: keyof TConventionValues, value: unknown, labels: TValueLabels, locale: TLocale, currency: string | null): string {
  const empty = translate(locale, "pdf:values.empty");
  if (value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0)) return empty;
  const label = labels[field];
  if (label !== undefined) return label;
  if (typeof value === "boolean") return translate(locale, value ? "pdf:values.yes" : "pdf:values.no");
  if (field === "gratificationMontant" && typeof value === "number") return pdfMoney(locale, value, currency);
  if (typeof value === "number") return pdfNumber(locale, value);
  if (isPeriodList(value))
    return value.map((period) => translate(locale, "pdf:values.period", { start: pdfDate(period.dateDebut), end: pdfDate(period.dateFin) })).join(" ; ");
  if (typeof value === "string") return /^\d{4}-\d{2}-\d{2}$/.test(value) ? pdfDate(value) : value;
  return JSON.stringify(value);
}

function changeBlock(ctx: TPdfContext, input: TAvenantPdfInput, field: keyof TConventionValues): TPdfBlock {
  const label = localizedBy(ctx, (locale) => translate(locale, `domain:fields.${field}`));
  if (ctx.confidential && CONFIDENTIAL_FIELDS.has(field)) {
    const hidden = word(ctx, "values.confidential");
    return { kind: "change", label, before: hidden, after: hidden };
  }
  const { avenant } = input;
  const before = avenant.previousValues?.[field] ?? (avenant.appliedAt === null ? ctx.values[field] : null);
  const after = avenant.changes[field];
  const currency = avenant.changes.deviseCode ?? ctx.values.deviseCode;
  const text = (value: unknown, labels: { fr: TValueLabels; en: TValueLabels }) =>
    ctx.bilingual
      ? joinLocalized({ fr: valueText(field, value, labels.fr, "fr", currency), en: valueText(field, value, labels.en, "en", currency) })
      : valueText(field, value, labels.fr, "fr", currency);
  return { kind: "change", label, before: text(before, input.labels.before), after: text(after, input.labels.after) };
}

type TFigure = { key: "dureeEffective" | "minimumGratification"; before: number | null; after: number | null };

/** The durée effective and the legal minimum gratification before and after the avenant (L124-6, D124-8), those that differ. */
function figureBlocks(ctx: TPdfContext, input: TAvenantPdfInput): TPdfBlock[] {
  const rates = input.gratificationRates ?? null;
  const { avenant } = input;
  const current = input.convention.values;
  const beforeValues = avenant.appliedAt === null ? current : { ...current, ...(avenant.previousValues ?? {}) };
  const afterValues = avenant.appliedAt === null ? { ...current, ...avenant.changes } : current;
  const of = (values: TConventionValues) =>
    contextOf({ ...input, convention: { ...input.convention, values }, labels: input.labels.after, gratificationRates: rates });
  const [before, after] = [of(beforeValues), of(afterValues)];
  const figures: TFigure[] = [{ key: "dureeEffective", before: before.duree?.hours ?? null, after: after.duree?.hours ?? null }];
  if (rates !== null) figures.push({ key: "minimumGratification", before: before.minimum?.minimum ?? null, after: after.minimum?.minimum ?? null });
  const text = (figure: TFigure, value: number | null) =>
    inLanguages(ctx, (locale) =>
      value === null
        ? translate(locale, figure.key === "dureeEffective" ? "pdf:avenantFigures.noneHours" : "pdf:avenantFigures.none")
        : figure.key === "dureeEffective"
          ? translate(locale, "pdf:avenantFigures.hours", { hours: pdfNumber(locale, value) })
          : pdfMoney(locale, value, "EUR"),
    );
  return figures
    .filter((figure) => figure.before !== figure.after)
    .map((figure) => ({
      kind: "change",
      label: t(ctx, `avenantFigures.${figure.key}`),
      before: text(figure, figure.before),
      after: text(figure, figure.after),
    }));
}

function sections(ctx: TPdfContext, input: TAvenantPdfInput): TPdfSection[] {
  const { avenant } = input;
  const numero = input.convention.numero ?? input.convention.id;
  const previous = avenant.previousValues ?? {};
  const dates = pdfPeriod(ctx, previous.dateDebut ?? ctx.values.dateDebut, previous.dateFin ?? ctx.values.dateFin);
  const changed = Object.keys(avenant.changes) as Array<keyof TConventionValues>;
  const motifs = avenant.motifs.map((motif) => (ctx.bilingual ? joinLocalized(motif) : motif.fr)).join(" ; ");
  return [
    {
      title: t(ctx, "avenant.convention"),
      blocks: [
        {
          kind: "facts",
          facts: [
            { label: t(ctx, "avenant.conventionNumber"), value: word(ctx, "avenant.conventionValue", { numero }) },
            { label: t(ctx, "parties.student"), value: ctx.studentName },
            { label: t(ctx, "parties.host"), value: input.parties.etablissement?.raisonSociale ?? "" },
            { label: t(ctx, "avenant.dates"), value: dates },
          ],
        },
      ],
    },
    {
      title: t(ctx, "avenant.motifs"),
      blocks: [
        { kind: "facts", facts: [{ label: t(ctx, "avenant.motif"), value: motifs }] },
        ...(avenant.motifAutre ? [{ kind: "text" as const, label: t(ctx, "avenant.motifAutre"), text: avenant.motifAutre }] : []),
        ...(avenant.comment ? [{ kind: "text" as const, label: t(ctx, "avenant.comment"), text: avenant.comment }] : []),
      ],
    },
    {
      title: t(ctx, "avenant.changes"),
      blocks:
        changed.length === 0
          ? [{ kind: "clause", text: t(ctx, "avenant.noChange") }]
          : [
              { kind: "clause", text: t(ctx, "avenant.changesIntro", { numero }) },
              ...changed.map((field) => changeBlock(ctx, input, field)),
              ...figureBlocks(ctx, input),
            ],
    },
  ];
}

function chromeOf(ctx: TPdfContext, input: TAvenantPdfInput): TPdfChrome {
  const numero = input.convention.numero ?? input.convention.id;
  const params = { numero, avenant: input.avenant.numero };
  const decided = input.avenant.decidedAt;
  return {
    title: t(ctx, "title.avenant", params),
    draftTitle: t(ctx, "title.avenant", params),
    footer: footerOf(t(ctx, "footer.avenant", params), ctx.studentName),
    draftFooter: footerOf(t(ctx, "footer.avenant", params), ctx.studentName),
    pageTemplate: t(ctx, "footer.page").fr,
    watermark: joinLocalized(t(ctx, "watermark")),
    subtitles: [t(ctx, "subtitle.legal"), ...(decided ? [t(ctx, "avenant.validatedOn", { date: pdfDate(decided.toISOString().slice(0, 10)) })] : [])],
    signaturesTitle: t(ctx, "signatures.title"),
    signatureDate: t(ctx, "signatures.date"),
    signatureLabel: t(ctx, "signatures.signature"),
  };
}

/** Builds an avenant's PDF model (plain data): the convention, the motives and comment, each change old → new, the signatures. */
export function buildAvenantPdfModel(input: TAvenantPdfInput): TAvenantPdfModel {
  const ctx = contextOf({
    convention: input.convention,
    parties: input.parties,
    labels: input.labels.after,
    institution: input.institution,
    createdAt: input.createdAt,
    gratificationRates: null,
  });
  return {
    bilingual: ctx.bilingual,
    conventionNumero: input.convention.numero ?? input.convention.id,
    avenantNumero: input.avenant.numero,
    institution: { name: input.institution.name, logo: input.institution.logo },
    chrome: chromeOf(ctx, input),
    sections: sections(ctx, input),
    closing: [t(ctx, "avenant.copies"), ...(ctx.bilingual ? [clause(ctx, "language")] : [])],
    signatures: signatureBlocks(ctx),
    createdAt: input.createdAt,
    documentTitle: `${t(ctx, "title.avenant", { numero: input.convention.numero ?? input.convention.id, avenant: input.avenant.numero }).fr} — ${ctx.studentName}`,
  };
}
