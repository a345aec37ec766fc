import { describe, expect, it } from "vitest";
import type { TConflict } from "../../../src/app/app-error.ts";
import { conflictNotice } from "../../../src/app/conversation/conflict-notice.ts";
import { hasTranslation, LOCALES, translate, type TLocale } from "../../../src/i18n/translate.ts";

// 28 November 2026, 13:05 UTC: 14:05 in Paris (UTC+1 in winter).
const AT = new Date("2026-11-28T13:05:00Z");
const GARCIA = { personId: 3, name: "Isabelle Garcia" };

const step = (taken: Extract<TConflict, { kind: "step_decided" }>["taken"]): TConflict => ({
  kind: "step_decided",
  conventionId: 7,
  round: 1,
  step: "VALIDATION_ADMINISTRATIVE",
  taken,
});
const avenant = (taken: Extract<TConflict, { kind: "avenant_decided" }>["taken"]): TConflict => ({ kind: "avenant_decided", avenantId: 4, numero: 2, taken });
const proposal = (taken: Extract<TConflict, { kind: "proposal_decided" }>["taken"]): TConflict => ({ kind: "proposal_decided", proposalId: 12, taken });

function message(locale: TLocale, conflict: TConflict): string {
  const view = conflictNotice(locale, conflict);
  expect(hasTranslation(locale, view.titleKey)).toBe(true);
  return translate(locale, view.titleKey, view.params);
}

describe("conflictNotice", () => {
  it.each<[TLocale, TConflict, string]>([
    [
      "fr",
      step({ decider: GARCIA, decidedAt: AT, decision: "VALIDATED" }),
      "L'étape « Validation administrative » a déjà été validée par Isabelle Garcia le 28/11/2026 à 14:05 : votre clic n'a rien changé.",
    ],
    [
      "en",
      step({ decider: GARCIA, decidedAt: AT, decision: "VALIDATED" }),
      "The step “Administrative validation” was already validated by Isabelle Garcia on 28/11/2026 at 14:05: your click changed nothing.",
    ],
    [
      "fr",
      step({ decider: GARCIA, decidedAt: AT, decision: "REFUSED" }),
      "L'étape « Validation administrative » a déjà été refusée par Isabelle Garcia le 28/11/2026 à 14:05 : votre clic n'a rien changé.",
    ],
    [
      "en",
      step({ decider: GARCIA, decidedAt: AT, decision: "REFUSED" }),
      "The step “Administrative validation” was already refused by Isabelle Garcia on 28/11/2026 at 14:05: your click changed nothing.",
    ],
    [
      "fr",
      step(null),
      "L'étape « Validation administrative » n'attend plus de décision, mais Stagebot ne retrouve ni qui l'a décidée ni quand : votre clic n'a rien changé.",
    ],
    [
      "en",
      step(null),
      "The step “Administrative validation” no longer awaits a decision, but Stagebot cannot find who decided it or when: your click changed nothing.",
    ],
    [
      "fr",
      avenant({ decider: GARCIA, decidedAt: AT, decision: "VALIDATED" }),
      "L'avenant n° 2 a déjà été validé par Isabelle Garcia le 28/11/2026 à 14:05 : votre clic n'a rien changé.",
    ],
    [
      "en",
      avenant({ decider: GARCIA, decidedAt: AT, decision: "REFUSED" }),
      "Amendment no. 2 was already refused by Isabelle Garcia on 28/11/2026 at 14:05: your click changed nothing.",
    ],
    ["fr", avenant(null), "L'avenant n° 2 n'attend plus de décision, mais Stagebot ne retrouve ni qui l'a décidé ni quand : votre clic n'a rien changé."],
    ["en", avenant(null), "Amendment no. 2 no longer awaits a decision, but Stagebot cannot find who decided it or when: your click changed nothing."],
    [
      "fr",
      proposal({ decider: GARCIA, decidedAt: AT, decision: "APPLIED" }),
      "La proposition de modification n° 12 a déjà été appliquée par Isabelle Garcia le 28/11/2026 à 14:05 : rien n'a changé.",
    ],
    [
      "en",
      proposal({ decider: GARCIA, decidedAt: AT, decision: "REJECTED" }),
      "Change proposal no. 12 was already rejected by Isabelle Garcia on 28/11/2026 at 14:05: nothing changed.",
    ],
    [
      "fr",
      proposal(null),
      "La proposition de modification n° 12 n'est plus en attente, mais Stagebot ne retrouve ni qui l'a traitée ni quand : rien n'a changé.",
    ],
    ["en", { kind: "siret_taken" }, "This SIRET number already belongs to another establishment: nothing was saved."],
  ])("%s %j", (locale, conflict, expected) => {
    expect(message(locale, conflict)).toBe(expected);
  });

  it("formats the date in Paris time: summer is UTC+2", () => {
    const summer = step({ decider: GARCIA, decidedAt: new Date("2027-06-30T22:30:00Z"), decision: "VALIDATED" });
    expect(message("fr", summer)).toContain("le 01/07/2027 à 00:30");
  });

  const EVERY: TConflict[] = [
    ...(["VALIDATED", "REFUSED"] as const).flatMap((decision) => [
      step({ decider: GARCIA, decidedAt: AT, decision }),
      avenant({ decider: GARCIA, decidedAt: AT, decision }),
    ]),
    ...(["APPLIED", "REJECTED"] as const).map((decision) => proposal({ decider: GARCIA, decidedAt: AT, decision })),
    step(null),
    avenant(null),
    proposal(null),
    { kind: "siret_taken" },
  ];

  it.each(LOCALES.flatMap((locale) => EVERY.map((conflict) => [locale, conflict] as const)))(
    "%s %j: a whole sentence, no placeholder left",
    (locale, conflict) => {
      const text = message(locale, conflict);
      expect(text).not.toMatch(/\{\{|\?|undefined|null/);
      expect(conflictNotice(locale, conflict).tone).toBe("warning");
    },
  );
});
