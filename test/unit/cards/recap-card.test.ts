import { describe, expect, it } from "vitest";
import { recapCard } from "../../../src/cards/index.ts";
import type { TRuleResult } from "../../../src/domain/rules/index.ts";
import { conventionCompletion } from "../../../src/domain/sections/index.ts";
import { translate } from "../../../src/i18n/translate.ts";
import { completeConventionValues } from "../domain/fixtures.ts";
import { actionsOf, nodesOf, visibleStrings, type TNode } from "./card-checks.ts";
import { HEADER, LABELS, recapView, RULES } from "./card-fixtures.ts";

function facts(nodes: TNode[]): Array<{ title: string; value: string }> {
  return nodes.flatMap((node) => (Array.isArray(node["facts"]) ? (node["facts"] as Array<{ title: string; value: string }>) : []));
}

const BLOCKING: TRuleResult = {
  code: "END_BEFORE_START",
  severity: "error",
  field: "stage.dateFin",
  params: { start: "2026-06-26", end: "2026-03-02" },
};

describe("recap: everything at a glance", () => {
  it("shows values as a reader expects: dates DD/MM/YYYY, Oui/Non, labels of codes and ids, periods", () => {
    const shown = facts(nodesOf(recapCard("fr", recapView())));
    expect(shown).toContainEqual({ title: "Date de début du stage", value: "02/03/2026" });
    expect(shown).toContainEqual({ title: "Horaires de travail réguliers", value: "Non" });
    expect(shown).toContainEqual({ title: "Établissement d'accueil", value: LABELS.etablissementId });
    expect(shown).toContainEqual({ title: "Thématique du stage", value: "Informatique" });
    expect(shown).toContainEqual({ title: "Périodes d'interruption", value: "du 20/04/2026 au 24/04/2026" });
    expect(shown).toContainEqual({
      title: "Périodes de travail (horaires irréguliers)",
      value: "du 02/03/2026 au 30/04/2026 : 7,5 h par jour ; du 04/05/2026 au 26/06/2026 : 6 h par jour",
    });
    expect(shown).toContainEqual({ title: "Montant de la gratification", value: "4,50" });
    expect(visibleStrings(recapCard("fr", recapView())).join("\n")).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it("shows long texts as wrapped paragraphs, cut below Slack's limit", () => {
    const long = "Concevoir le bot. ".repeat(300);
    const card = recapCard("fr", recapView({ values: completeConventionValues({ fonctionsTaches: long }) }));
    const texts = nodesOf(card).filter((node) => node["type"] === "TextBlock");
    const index = texts.findIndex((node) => node["text"] === "Fonctions et tâches");
    const paragraph = String(texts[index + 1]?.["text"]);
    expect(paragraph.startsWith("Concevoir le bot.")).toBe(true);
    expect(paragraph.length).toBeLessThanOrEqual(2000);
    expect(paragraph.endsWith("…")).toBe(true);
  });

  it("says when the internship is confidential", () => {
    expect(visibleStrings(recapCard("fr", recapView()))).toContain(
      "🔒 Stage confidentiel : le sujet, les fonctions et tâches et les compétences seront masqués dans le PDF de la convention.",
    );
    const open = recapCard("fr", recapView({ values: completeConventionValues({ confidentiel: false }) }));
    expect(visibleStrings(open).some((text) => text.startsWith("🔒"))).toBe(false);
  });

  it("marks the mandatory fields still missing", () => {
    const values = completeConventionValues({ sujet: null, enseignantId: null });
    const card = recapCard("fr", recapView({ values, completion: conventionCompletion(values) }));
    expect(facts(nodesOf(card))).toContainEqual({ title: "Enseignant référent", value: "⚠️ À renseigner" });
  });
});

describe("recap: legal checks", () => {
  it("lists warnings and computed values with their messages from rules.json", () => {
    const texts = nodesOf(recapCard("fr", recapView())).filter((node) => node["type"] === "TextBlock");
    const warning = texts.find((node) => node["color"] === "Warning");
    expect(warning?.["text"]).toBe(`⚠️ À vérifier : ${translate("fr", "rules:TELEWORK_NOT_DESCRIBED")}`);
    const info = texts.map((node) => String(node["text"]));
    expect(info).toContain("ℹ️ Durée effective du stage : 532 heures de présence, soit 76 jours de 7 heures ou 3,45 mois de 22 jours.");
    expect(info.some((text) => /Le minimum légal est de 2\s394,00\s€ au total, soit 598,50\s€ par mois sur 4 mois de stage\./u.test(text))).toBe(true);
  });

  it("shows blocking rules in red, with their dates as the reader writes them, and no submit button", () => {
    const card = recapCard("fr", recapView({ rules: [BLOCKING, ...RULES] }));
    const blocking = nodesOf(card).find((node) => node["color"] === "Attention");
    expect(blocking?.["text"]).toBe(
      "⛔ Bloquant : La date de fin du stage (02/03/2026) est antérieure à sa date de début (26/06/2026) : la fin doit être le même jour ou après le début.",
    );
    expect(visibleStrings(card)).toContain("Pour valider la convention, corrigez d'abord les points bloquants ci-dessus.");
    expect(actionsOf(card)).toEqual([]);
  });
});

describe("recap: Valider la convention", () => {
  it("is offered when the student may submit, every section is complete and no rule blocks", () => {
    const actions = actionsOf(recapCard("fr", recapView()));
    expect(actions).toEqual([expect.objectContaining({ title: "Valider la convention", verb: "submit_convention", data: { conventionId: 42, version: 7 } })]);
  });

  it("names the incomplete sections instead", () => {
    const values = completeConventionValues({ tuteurId: null, sujet: null });
    const card = recapCard("fr", recapView({ values, completion: conventionCompletion(values) }));
    expect(actionsOf(card)).toEqual([]);
    expect(visibleStrings(card)).toContain("Pour valider la convention, complétez d'abord : Tuteur professionnel et Stage.");
  });

  it("says why not when the reader may not submit", () => {
    const card = recapCard("en", recapView({ header: { ...HEADER, state: "SUBMITTED" }, rights: { canEdit: false, canDelete: false, canSubmit: false } }));
    expect(actionsOf(card)).toEqual([]);
    expect(visibleStrings(card)).toContain(`You cannot submit this convention (status: ${translate("en", "domain:states.SUBMITTED")}).`);
  });
});
