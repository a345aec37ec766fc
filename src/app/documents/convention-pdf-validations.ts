import { translate, type TLocale } from "../../i18n/translate.ts";
import type { TLocalized, TPdfSection } from "../../pdf/model.ts";
import type { TSignatory } from "../ports/documents.ts";
import { clause, inLanguages, localizedBy, t, type TPdfContext } from "./convention-pdf-context.ts";
import { joinLocalized } from "./pdf-text.ts";

// What the document records of its making: who validated each step and when (from the
// workflow's decisions), who signs for the university, and « Fait à …, le … » above the
// signatures, dated by the final validation.

const PARIS = { timeZone: "Europe/Paris" } as const;

function intlLocale(locale: TLocale): string {
  return locale === "fr" ? "fr-FR" : "en-GB";
}

/** "12/01/2027 à 09:30" (Paris time). */
function instantText(locale: TLocale, instant: Date): string {
  const date = new Intl.DateTimeFormat(intlLocale(locale), { ...PARIS, day: "2-digit", month: "2-digit", year: "numeric" }).format(instant);
  const time = new Intl.DateTimeFormat(intlLocale(locale), { ...PARIS, hour: "2-digit", minute: "2-digit", hour12: false }).format(instant);
  return translate(locale, "pdf:validations.at", { date, time });
}

/** "12 janvier 2027" / "12 January 2027" (Paris calendar). */
export function longDate(locale: TLocale, instant: Date): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { ...PARIS, day: "numeric", month: "long", year: "numeric" }).format(instant);
}

/** The record of the validations: each step, who validated it, when; a preview shows those made so far. */
export function validationsSection(ctx: TPdfContext): TPdfSection {
  const records = ctx.parties.validations;
  const validated = ctx.convention.state === "VALIDATED";
  if (records.length === 0) return { title: t(ctx, "validations.title"), blocks: [{ kind: "clause", text: t(ctx, "validations.none") }] };
  return {
    title: t(ctx, "validations.title"),
    blocks: [
      { kind: "clause", text: t(ctx, validated ? "validations.intro" : "validations.introDraft") },
      {
        kind: "table",
        label: t(ctx, "validations.title"),
        columns: [t(ctx, "validations.step"), t(ctx, "validations.by"), t(ctx, "validations.on")],
        widths: [0.4, 0.32, 0.28],
        rows: records.map((record) => [
          inLanguages(ctx, (locale) => translate(locale, `domain:steps.${record.step}`)),
          record.deciderName,
          inLanguages(ctx, (locale) => instantText(locale, record.decidedAt)),
        ]),
      },
    ],
  };
}

/** Who signs for the university: the centre's delegation, else the institution's signatory, else none. */
export function signatoryOf(ctx: TPdfContext): TSignatory | null {
  return ctx.parties.centre?.signatory ?? ctx.institution.signatory ?? null;
}

/** "Marie DUBOIS — Directrice de l'UFR, par délégation du président", or the institution's standard clause when none is set. */
export function signatoryText(ctx: TPdfContext): string {
  const signatory = signatoryOf(ctx);
  if (signatory === null) return joinLocalized(clause(ctx, "institutionSignatory"));
  return signatory.title ? `${signatory.name} — ${signatory.title}` : signatory.name;
}

/** The date of the final validation: the last step validated of a validated convention; none before. */
export function finalValidationDate(ctx: TPdfContext): Date | null {
  if (ctx.convention.state !== "VALIDATED") return null;
  const dates = ctx.parties.validations.map((record) => record.decidedAt.getTime());
  return dates.length === 0 ? null : new Date(Math.max(...dates));
}

/** « Fait à Marseille, le 12 janvier 2027. », the date left to fill until the final validation. */
export function madeAtClause(ctx: TPdfContext, date: Date | null): TLocalized {
  const city = ctx.institution.city ?? null;
  return localizedBy(ctx, (locale) => {
    const place = city ?? translate(locale, "pdf:madeAt.noCity");
    return date === null
      ? translate(locale, "pdf:madeAt.noDate", { city: place })
      : translate(locale, "pdf:madeAt.withDate", { city: place, date: longDate(locale, date) });
  });
}
