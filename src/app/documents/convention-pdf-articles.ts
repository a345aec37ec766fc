import { translate, type TLocale } from "../../i18n/translate.ts";
import type { TPdfBlock, TPdfFact } from "../../pdf/model.ts";
import { clause, inLanguages, labelOf, orNotSet, t, word, yesNo, type TPdfContext, type TPdfMinimum } from "./convention-pdf-context.ts";
import { contactDetails, contactName } from "./convention-pdf-parties.ts";
import { pdfDate, pdfMoney, pdfNumber, pdfPeriod, personName } from "./pdf-text.ts";

// Items 1 to 8 of D124-4, each with the convention's values and the clauses around them.
// Confidentiality (values.confidentiel) hides the sujet, the fonctions et tâches and the
// compétences: the PDF says they are confidential instead.

function fact(ctx: TPdfContext, key: string, value: string | null | undefined): TPdfFact {
  return { label: t(ctx, `facts.${key}`), value: orNotSet(ctx, value) };
}

function confidentialNotice(ctx: TPdfContext, key: string): TPdfBlock[] {
  return [
    { kind: "text", label: t(ctx, `facts.${key}`), text: "" },
    { kind: "notice", text: t(ctx, "values.confidential") },
  ];
}

function freeText(ctx: TPdfContext, key: string, text: string | null): TPdfBlock {
  return { kind: "text", label: t(ctx, `facts.${key}`), text: orNotSet(ctx, text) };
}

/** D124-4 1°: the full title of the training and its teaching hours. */
export function formationArticle(ctx: TPdfContext): TPdfBlock[] {
  const { formation, element } = ctx.parties;
  const v = ctx.values;
  const hours =
    v.heuresFormationPlus200 === true
      ? word(ctx, "values.plus200")
      : v.heuresFormation === null
        ? null
        : inLanguages(ctx, (locale) => translate(locale, "pdf:values.hoursPerYear", { hours: pdfNumber(locale, v.heuresFormation ?? 0) }));
  return [
    {
      kind: "facts",
      facts: [
        fact(ctx, "formation", formation ? `${formation.code} - ${formation.label}` : null),
        ...(formation?.composante ? [fact(ctx, "composante", formation.composante)] : []),
        fact(ctx, "academicYear", v.academicYear),
        fact(ctx, "element", element ? `${element.code} - ${element.label}` : null),
        fact(ctx, "typeConvention", labelOf(ctx, "typeConvention")),
        fact(ctx, "heuresFormation", hours),
      ],
    },
    { kind: "clause", text: clause(ctx, "formation") },
  ];
}

/** D124-4 2°: the enseignant référent and the tuteur. */
export function encadrementArticle(ctx: TPdfContext): TPdfBlock[] {
  const { enseignant, tuteur } = ctx.parties;
  const referent = enseignant ? [personName(enseignant.firstName, enseignant.lastName), enseignant.department].filter(Boolean).join(" — ") : null;
  return [
    {
      kind: "facts",
      facts: [
        fact(ctx, "referent", referent),
        fact(ctx, "contactDetails", enseignant?.email),
        fact(ctx, "tuteur", contactName(tuteur)),
        fact(ctx, "contactDetails", contactDetails(tuteur?.email, tuteur?.phone)),
      ],
    },
    { kind: "clause", text: clause(ctx, "encadrement") },
  ];
}

/** D124-4 3°: the skills to acquire or develop. */
export function competencesArticle(ctx: TPdfContext): TPdfBlock[] {
  return ctx.confidential ? confidentialNotice(ctx, "competences") : [freeText(ctx, "competences", ctx.values.competences)];
}

/** D124-4 4°: the activities given to the intern (sujet, fonctions et tâches). */
export function activitesArticle(ctx: TPdfContext): TPdfBlock[] {
  const content: TPdfBlock[] = ctx.confidential
    ? [...confidentialNotice(ctx, "sujet"), ...confidentialNotice(ctx, "fonctions")]
    : [freeText(ctx, "sujet", ctx.values.sujet), freeText(ctx, "fonctions", ctx.values.fonctionsTaches)];
  return [...content, { kind: "clause", text: clause(ctx, "activites") }];
}

function dureeText(ctx: TPdfContext): string | null {
  const { duree } = ctx;
  if (duree === null) return null;
  const phrase = inLanguages(ctx, (locale: TLocale) =>
    translate(locale, "pdf:values.duree", {
      hours: pdfNumber(locale, duree.hours),
      days: pdfNumber(locale, duree.days),
      months: pdfNumber(locale, duree.months),
    }),
  );
  if (duree.source !== "OVERRIDE" || ctx.computedHours === null) return phrase;
  const computed = ctx.computedHours;
  return `${phrase}\n${inLanguages(ctx, (locale) => translate(locale, "pdf:values.dureeOverride", { hours: pdfNumber(locale, computed) }))}`;
}

function periodsTable(ctx: TPdfContext, key: string, periods: ReadonlyArray<{ dateDebut: string; dateFin: string; hoursPerDay?: number }>): TPdfBlock {
  const withHours = periods.some((period) => period.hoursPerDay !== undefined);
  const columns = [t(ctx, "table.number"), t(ctx, "table.from"), t(ctx, "table.to"), ...(withHours ? [t(ctx, "table.hoursPerDay")] : [])];
  const rows = periods.map((period, i) => [
    String(i + 1),
    pdfDate(period.dateDebut),
    pdfDate(period.dateFin),
    ...(withHours ? [period.hoursPerDay === undefined ? "" : pdfNumber("fr", period.hoursPerDay)] : []),
  ]);
  return { kind: "table", label: t(ctx, `facts.${key}`), columns, widths: withHours ? [0.6, 1.4, 1.4, 1.4] : [0.6, 2, 2], rows };
}

/** D124-4 5°: the dates, the interruptions and the durée effective in hours, days and months. */
export function datesArticle(ctx: TPdfContext): TPdfBlock[] {
  const v = ctx.values;
  const interruptions = v.interruptions ?? [];
  return [
    {
      kind: "facts",
      facts: [
        fact(ctx, "dates", v.dateDebut || v.dateFin ? pdfPeriod(ctx, v.dateDebut, v.dateFin) : null),
        fact(ctx, "dureeEffective", dureeText(ctx)),
        ...(interruptions.length === 0 ? [fact(ctx, "interruptions", word(ctx, "values.noInterruption"))] : []),
      ],
    },
    ...(interruptions.length > 0 ? [periodsTable(ctx, "interruptions", interruptions)] : []),
    { kind: "clause", text: clause(ctx, "dates") },
  ];
}

function weeklyHours(ctx: TPdfContext): string | null {
  const v = ctx.values;
  if (v.horairesReguliers === false) return word(ctx, "values.irregular");
  const hours = v.heuresHebdomadaires;
  if (hours === null) return null;
  return inLanguages(ctx, (locale) => translate(locale, "pdf:values.weeklyHours", { hours: pdfNumber(locale, hours) }));
}

/** D124-4 6°: weekly presence, and night, Sunday, public-holiday presence and telework (L124-14). */
export function presenceArticle(ctx: TPdfContext): TPdfBlock[] {
  const v = ctx.values;
  const irregular = v.horairesReguliers === false ? (v.irregularPeriods ?? []) : [];
  return [
    {
      kind: "facts",
      facts: [
        fact(ctx, "weeklyHours", weeklyHours(ctx)),
        fact(ctx, "tempsTravail", labelOf(ctx, "tempsTravailCode")),
        ...(v.commentaireTempsTravail ? [fact(ctx, "commentaireTempsTravail", v.commentaireTempsTravail)] : []),
        fact(ctx, "samedis", yesNo(ctx, v.samedisTravailles)),
        fact(ctx, "nuit", yesNo(ctx, v.travailNuit)),
        fact(ctx, "dimanche", yesNo(ctx, v.travailDimanche)),
        fact(ctx, "feries", yesNo(ctx, v.travailJoursFeries)),
        fact(ctx, "teletravail", yesNo(ctx, v.teletravail)),
        fact(ctx, "deplacements", yesNo(ctx, v.deplacements)),
        ...(v.travailExceptionnelCommentaire ? [fact(ctx, "travailExceptionnel", v.travailExceptionnelCommentaire)] : []),
      ],
    },
    ...(irregular.length > 0 ? [periodsTable(ctx, "irregularPeriods", irregular)] : []),
    { kind: "clause", text: clause(ctx, "presence") },
    ...(ctx.minor ? [{ kind: "clause" as const, text: clause(ctx, "presenceMinor") }] : []),
  ];
}

/** D124-4 7°: how the référent and the tuteur supervise the intern. */
export function suiviArticle(ctx: TPdfContext): TPdfBlock[] {
  const own = ctx.values.modaliteSuivi;
  return [own ? freeText(ctx, "suivi", own) : { kind: "clause", text: clause(ctx, "suiviDefault") }, { kind: "clause", text: clause(ctx, "suivi") }];
}

function gratificationText(ctx: TPdfContext, locale: TLocale): string {
  const v = ctx.values;
  const labels = ctx.labels[locale];
  return translate(locale, "pdf:values.gratification", {
    amount: pdfMoney(locale, v.gratificationMontant ?? 0, v.deviseCode),
    basis: (labels.gratificationType ?? v.gratificationType ?? "").toLowerCase(),
    unit: labels.gratificationUnite ?? v.gratificationUnite ?? "",
  }).trim();
}

// D124-8: every hour of presence is owed the minimum of its year; spread over the months paid.
function minimumFact(ctx: TPdfContext, minimum: TPdfMinimum): TPdfFact {
  const text = inLanguages(ctx, (locale) =>
    translate(locale, "pdf:values.minimumGratification", {
      minimum: pdfMoney(locale, minimum.minimum, "EUR"),
      perMonth: pdfMoney(locale, minimum.minimumPerMonth, "EUR"),
      hours: pdfNumber(locale, minimum.hours),
      months: pdfNumber(locale, minimum.months),
    }),
  );
  return fact(ctx, "minimumGratification", text);
}

/** D124-4 8°: the stipend's amount and payment terms, or "pas de gratification" (L124-6). */
export function gratificationArticle(ctx: TPdfContext): TPdfBlock[] {
  const v = ctx.values;
  // A draft may not have answered yet: it then states neither a stipend nor its absence.
  if (v.gratification === null) return [{ kind: "facts", facts: [fact(ctx, "gratification", null)] }];
  const granted = v.gratification && v.gratificationMontant !== null;
  const facts = granted
    ? [
        fact(
          ctx,
          "gratification",
          inLanguages(ctx, (locale) => gratificationText(ctx, locale)),
        ),
        fact(ctx, "versement", labelOf(ctx, "modeVersementCode")),
      ]
    : [fact(ctx, "gratification", word(ctx, "values.noGratification"))];
  if (ctx.minimum !== null) facts.push(minimumFact(ctx, ctx.minimum));
  return [
    { kind: "facts", facts },
    { kind: "clause", text: clause(ctx, granted ? "gratificationYes" : "gratificationNo") },
    ...(ctx.abroad ? [{ kind: "clause" as const, text: clause(ctx, "gratificationAbroad") }] : []),
  ];
}
