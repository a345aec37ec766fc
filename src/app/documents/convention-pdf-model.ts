import { translate, type TLocale } from "../../i18n/translate.ts";
import type { TConventionPdfModel, TLocalized, TPdfBlock, TPdfChrome, TPdfSection } from "../../pdf/model.ts";
import {
  activitesArticle,
  competencesArticle,
  datesArticle,
  encadrementArticle,
  formationArticle,
  gratificationArticle,
  presenceArticle,
  suiviArticle,
} from "./convention-pdf-articles.ts";
import { clause, contextOf, localizedBy, t, type TConventionPdfInput, type TPdfContext } from "./convention-pdf-context.ts";
import { partySections, signatureBlocks } from "./convention-pdf-parties.ts";
import {
  abroadArticle,
  attestationArticle,
  avantagesArticle,
  congesArticle,
  protectionArticle,
  reglementArticle,
  suspensionArticle,
  validationArticle,
} from "./convention-pdf-terms.ts";
import { finalValidationDate, madeAtClause, validationsSection } from "./convention-pdf-validations.ts";
import { footerOf, joinLocalized } from "./pdf-text.ts";

export type { TConventionPdfInput } from "./convention-pdf-context.ts";

// The convention's PDF model: the parties, then one article per item of D124-4 in the order
// of the law (1° formation ... 15° attestation), then the article on internships abroad, the
// closing clauses and the five signatures.

type TArticle = { key: string; blocks: (ctx: TPdfContext) => TPdfBlock[] };

/** The fifteen items of D124-4, in the law's order. */
const D124_4_ARTICLES: readonly TArticle[] = [
  { key: "formation", blocks: formationArticle },
  { key: "encadrement", blocks: encadrementArticle },
  { key: "competences", blocks: competencesArticle },
  { key: "activites", blocks: activitesArticle },
  { key: "dates", blocks: datesArticle },
  { key: "presence", blocks: presenceArticle },
  { key: "suivi", blocks: suiviArticle },
  { key: "gratification", blocks: gratificationArticle },
  { key: "protection", blocks: protectionArticle },
  { key: "conges", blocks: congesArticle },
  { key: "suspension", blocks: suspensionArticle },
  { key: "validation", blocks: validationArticle },
  { key: "avantages", blocks: avantagesArticle },
  { key: "reglement", blocks: reglementArticle },
  { key: "attestation", blocks: attestationArticle },
];

function articleSections(ctx: TPdfContext): TPdfSection[] {
  const articles = ctx.abroad ? [...D124_4_ARTICLES, { key: "abroad", blocks: abroadArticle }] : D124_4_ARTICLES;
  return articles.map((article, i) => ({
    title: localizedBy(ctx, (locale) => translate(locale, "pdf:articles.heading", { number: i + 1, title: translate(locale, `pdf:articles.${article.key}`) })),
    blocks: article.blocks(ctx),
  }));
}

function subtitles(ctx: TPdfContext): TLocalized[] {
  const langue = ctx.values.langue ?? "FR";
  const lines: TLocalized[] = [t(ctx, "subtitle.legal")];
  if (ctx.values.academicYear) lines.push(t(ctx, "subtitle.year", { year: ctx.values.academicYear }));
  const country = (locale: TLocale) => (locale === "en" ? (ctx.country.en ?? ctx.country.fr) : ctx.country.fr);
  lines.push(localizedBy(ctx, (locale) => translate(locale, `pdf:subtitle.model.${langue}`, { country: country(locale) })));
  const avenants = ctx.parties.avenants;
  if (avenants.length > 0) lines.push(t(ctx, "subtitle.amended", { count: avenants.length, numeros: avenants.join(", ") }));
  return lines;
}

function chromeOf(ctx: TPdfContext): TPdfChrome {
  const numero = ctx.convention.numero ?? ctx.convention.id;
  const student = ctx.studentName;
  const watermark = t(ctx, "watermark");
  return {
    title: t(ctx, "title.convention", { numero }),
    draftTitle: t(ctx, "title.draft"),
    footer: footerOf(t(ctx, "footer.convention", { numero }), student),
    draftFooter: footerOf(t(ctx, "footer.draft"), student),
    pageTemplate: t(ctx, "footer.page").fr,
    watermark: joinLocalized(watermark),
    subtitles: subtitles(ctx),
    signaturesTitle: t(ctx, "signatures.title"),
    signatureDate: t(ctx, "signatures.date"),
    signatureLabel: t(ctx, "signatures.signature"),
  };
}

/** Builds a convention's PDF model (plain data) from the convention, its records, labels and the institution's clauses. */
export function buildConventionPdfModel(input: TConventionPdfInput): TConventionPdfModel {
  const ctx = contextOf(input);
  const numero = input.convention.numero;
  return {
    langue: ctx.values.langue ?? "FR",
    bilingual: ctx.bilingual,
    numero,
    institution: { name: input.institution.name, logo: input.institution.logo },
    chrome: chromeOf(ctx),
    sections: [...partySections(ctx), ...articleSections(ctx), validationsSection(ctx)],
    closing: [clause(ctx, "copies"), ...(ctx.bilingual ? [clause(ctx, "language")] : []), madeAtClause(ctx, finalValidationDate(ctx))],
    signatures: signatureBlocks(ctx),
    createdAt: input.createdAt,
    documentTitle: `${t(ctx, "title.convention", { numero: numero ?? input.convention.id }).fr} — ${ctx.studentName}`,
  };
}
