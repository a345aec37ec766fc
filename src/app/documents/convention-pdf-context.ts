import { isFranceForConvention } from "../../domain/convention-language.ts";
import type { TValueLabels } from "../../cards/views.ts";
import type { TConventionValues } from "../../domain/convention.ts";
import { toRulesInput } from "../../domain/convention-rules.ts";
import {
  computeDureeEffective,
  holidayZoneOf,
  isGratificationMandatory,
  isInFrance,
  isMinorOn,
  minimumGratification,
  minimumPerMonth,
  monthsOf,
  paidMonthUnits,
  pickDureeEffective,
  scheduleOf,
  stagePeriodOf,
  type TDureeEffective,
  type TGratificationRates,
} from "../../domain/rules/index.ts";
import type { TLocale } from "../../i18n/translate.ts";
import type { TLocalized } from "../../pdf/model.ts";
import type { TStoredConvention } from "../ports/conventions.ts";
import type { TClauseKey } from "./institution-clauses.ts";
import { fillTemplate, joinLocalized, pdfText, pdfValue, personName } from "./pdf-text.ts";
import type { TConventionParties, TInstitution } from "../ports/documents.ts";

// What every part of a convention's PDF model reads: the convention, its directory records,
// the labels of its codes, the institution's clauses, and the facts derived once (abroad,
// minor on the start date, confidentiality, durée effective).

/** What a convention's PDF model is built from. */
export interface TConventionPdfInput {
  convention: TStoredConvention;
  parties: TConventionParties;
  /** Labels of the convention's codes and ids (TFormData.labelsFor) in French and English. */
  labels: { fr: TValueLabels; en: TValueLabels };
  institution: TInstitution;
  /** The document's date (PDF metadata). */
  createdAt: Date;
  /** The rates of the legal minimum gratification; null for a document that does not print it (an avenant). */
  gratificationRates: TGratificationRates | null;
}

/** The legal minimum gratification of the internship (D124-8), in total and per month paid. */
export type TPdfMinimum = { hours: number; minimum: number; minimumPerMonth: number; months: number };

/** The input with the facts derived from it. */
export interface TPdfContext extends TConventionPdfInput {
  values: TConventionValues;
  bilingual: boolean;
  /** A model for an internship abroad (francophone country or bilingual). */
  abroad: boolean;
  /** The student is under 18 on the start date: the legal representative signs. */
  minor: boolean;
  /** Sujet, fonctions et tâches and compétences are not printed. */
  confidential: boolean;
  /** The durée effective that counts (the student's override, else the computed one), and the computed one. */
  duree: TDureeEffective | null;
  computedHours: number | null;
  /** Printed when this internship alone makes the gratification mandatory in France (L124-6). */
  minimum: TPdfMinimum | null;
  studentName: string;
  /** The country of the internship, in French (and English). */
  country: TLocalized;
}

function dureeOf(values: TConventionValues, parties: TConventionParties): { duree: TDureeEffective | null; computedHours: number | null } {
  // The public holidays of the place of work: the service's postcode, else the établissement's.
  const country = values.paysIso2;
  const holidayZone = holidayZoneOf(
    { countryIso2: country, postalCode: parties.service?.postalCode ?? null },
    { countryIso2: country, postalCode: parties.etablissement?.postalCode ?? null },
  );
  const input = toRulesInput(values, { today: "1970-01-01", birthDate: null, siret: null, studentConventions: [], tutorConventions: [], holidayZone });
  const stage = stagePeriodOf(input.startDate, input.endDate);
  const schedule = scheduleOf(input);
  if (stage === null) return { duree: null, computedHours: null };
  const computed = computeDureeEffective(stage, schedule, input.interruptions);
  const duree = pickDureeEffective(computed, values.dureeEffectiveSaisie);
  return { duree: schedule === null && duree.source === "COMPUTED" ? null : duree, computedHours: schedule === null ? null : computed.hours };
}

function minimumOf(values: TConventionValues, duree: TDureeEffective | null, rates: TGratificationRates | null): TPdfMinimum | null {
  const input = toRulesInput(values, { today: "1970-01-01", birthDate: null, siret: null, studentConventions: [], tutorConventions: [] });
  const stage = stagePeriodOf(input.startDate, input.endDate);
  if (rates === null || duree === null || stage === null || !isInFrance(input.countryCode) || !isGratificationMandatory(duree.hours)) return null;
  const minimum = minimumGratification(duree.byYear, rates);
  const units = paidMonthUnits(stage, input.interruptions);
  return { hours: duree.hours, minimum, minimumPerMonth: minimumPerMonth(minimum, units), months: monthsOf(units) };
}

/** Derives once what the parts of the model need. */
export function contextOf(input: TConventionPdfInput): TPdfContext {
  const stored = input.convention.values;
  // A stage in France (overseas included) is printed on the French model whatever was chosen.
  const langue = stored.paysIso2 !== null && isFranceForConvention(stored.paysIso2) ? "FR" : (stored.langue ?? "FR");
  const values = { ...stored, langue };
  const { birthDate } = input.parties;
  const duree = dureeOf(values, input.parties);
  const countryFr = input.labels.fr.paysIso2 ?? input.parties.etablissement?.country.fr ?? "";
  const countryEn = input.labels.en.paysIso2 ?? input.parties.etablissement?.country.en ?? countryFr;
  return {
    ...input,
    values,
    bilingual: langue === "EN_FR",
    abroad: langue !== "FR",
    minor: birthDate !== null && values.dateDebut !== null && isMinorOn(birthDate, values.dateDebut),
    confidential: values.confidentiel === true,
    ...duree,
    minimum: minimumOf(values, duree.duree, input.gratificationRates),
    studentName: personName(values.etudiantFirstName, values.etudiantLastName),
    country: langue === "EN_FR" ? { fr: countryFr, en: countryEn } : { fr: countryFr },
  };
}

/** A fixed text of pdf.json in the document's languages. */
export function t(ctx: TPdfContext, key: string, params: Record<string, unknown> = {}): TLocalized {
  return pdfText(ctx, key, params);
}

/** A fixed word used as a value ("Oui", or "Oui / Yes"). */
export function word(ctx: TPdfContext, key: string, params: Record<string, unknown> = {}): string {
  return pdfValue(ctx, key, params);
}

/** One of the institution's clauses in the document's languages, {{country}} filled in. */
export function clause(ctx: TPdfContext, key: TClauseKey): TLocalized {
  const text = ctx.institution.clauses[key];
  const fr = fillTemplate(text.fr, { country: ctx.country.fr });
  return ctx.bilingual ? { fr, en: fillTemplate(text.en, { country: ctx.country.en ?? ctx.country.fr }) } : { fr };
}

/** The label of a code or id of the convention ("Temps plein", or "Temps plein / Full time"), or null. */
export function labelOf(ctx: TPdfContext, field: keyof TConventionValues): string | null {
  const fr = ctx.labels.fr[field];
  if (fr === undefined) return null;
  const en = ctx.labels.en[field];
  return ctx.bilingual && en !== undefined ? joinLocalized({ fr, en }) : fr;
}

/** "Oui" / "Non" (with the English in the bilingual model). */
export function yesNo(ctx: TPdfContext, value: boolean | null): string {
  return word(ctx, value === true ? "values.yes" : "values.no");
}

/** A value, or "Non renseigné". */
export function orNotSet(ctx: TPdfContext, value: string | null | undefined): string {
  return value !== null && value !== undefined && value.trim() !== "" ? value : word(ctx, "values.notSet");
}

/** A text written by `build` in French, and in English too in the bilingual model. */
export function localizedBy(ctx: TPdfContext, build: (locale: TLocale) => string): TLocalized {
  return ctx.bilingual ? { fr: build("fr"), en: build("en") } : { fr: build("fr") };
}

/** A value written by `build` in the document's languages ("fr", or "fr / en"). */
export function inLanguages(ctx: TPdfContext, build: (locale: TLocale) => string): string {
  return joinLocalized(localizedBy(ctx, build));
}
