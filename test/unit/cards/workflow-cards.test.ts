import { describe, expect, it } from "vitest";
import type { TCard } from "../../../src/app/conversation/effects.ts";
import { VERBS } from "../../../src/app/conversation/events.ts";
import {
  approvalCard,
  historyCard,
  reasonFormCard,
  staffListCard,
  type TApprovalView,
  type THistoryEntry,
  type THistoryView,
  type TReasonFormView,
  type TStaffListItem,
  type TStaffListView,
} from "../../../src/cards/index.ts";
import { VALIDATION_STEPS } from "../../../src/domain/convention.ts";
import { GRATIFICATION_TYPES, GRATIFICATION_UNITES } from "../../../src/domain/sections/stage.ts";
import { hasTranslation, LOCALES, translate, type TLocale } from "../../../src/i18n/translate.ts";
import { actionsOf, elementAfterInput, inputById, nodesOf, visibleStrings, type TNode } from "./card-checks.ts";
import { describeCards, type TCardCase } from "./card-suite.ts";
import { approvalView, HEADER, SUJET } from "./card-fixtures.ts";

// Realistic views of the validation workflow, as the core hands them to the builders.

const DECIDED_AT = new Date("2026-11-28T13:05:00Z"); // 14:05 in Paris (UTC+1 in winter)
const REFUSED: Partial<TApprovalView> = {
  decided: { decision: "REFUSED", deciderName: "Sophie Lambert", decidedAt: DECIDED_AT, reason: "Le sujet ne correspond pas à la formation." },
  steps: [{ step: "PEDAGOGIQUE", state: "refused", deciderName: "Sophie Lambert", decidedAt: DECIDED_AT }],
};

const PURPOSES: Array<TReasonFormView["purpose"]> = ["refuse_step", "unvalidate", "refuse_avenant"];
// A purpose is the verb its form submits: only those the core understands today can be built.
const SUBMITTABLE = PURPOSES.filter((purpose) => (VERBS as readonly string[]).includes(purpose));

function reasonView(purpose: TReasonFormView["purpose"], overrides: Partial<TReasonFormView> = {}): TReasonFormView {
  const data = purpose === "refuse_step" ? { round: 1, step: "PEDAGOGIQUE" } : purpose === "refuse_avenant" ? { avenantId: 3 } : {};
  return { conventionId: 12, numero: 51928, studentName: "Léa Martin", purpose, data, reason: "", error: null, avenantNumero: 2, ...overrides };
}

function entry(overrides: Partial<THistoryEntry>): THistoryEntry {
  return { at: DECIDED_AT, actorName: "Léa Martin", action: "section.saved", section: null, step: null, reason: null, changes: [], ...overrides };
}

const HISTORY: THistoryView = {
  header: { ...HEADER, numero: 51928, state: "RETURNED" },
  omitted: 0,
  entries: [
    entry({ action: "step.refused", actorName: "Sophie Lambert", step: "PEDAGOGIQUE", reason: "Le sujet ne correspond pas à la formation." }),
    entry({ at: new Date("2026-11-20T08:00:00Z"), action: "convention.submitted" }),
    entry({
      at: new Date("2026-11-19T17:30:00Z"),
      section: "stage",
      changes: [
        { field: "dateFin", before: "2027-06-11", after: "2027-06-25" },
        { field: "horairesReguliers", before: false, after: true },
        { field: "gratificationMontant", before: null, after: 4.5 },
        { field: "fonctionsTaches", before: "Tester.", after: "Concevoir, développer et tester le bot. ".repeat(10) },
      ],
    }),
    entry({ at: new Date("2026-12-02T10:00:00Z"), action: "avenant.created", actorName: "Marc Girard", avenantNumero: 1 }),
  ],
};

function staffItem(index: number, step: TStaffListItem["step"]): TStaffListItem {
  const names = ["Léa Martin", "Hugo Bernard", "Inès Roux", "Yanis Petit"];
  const hosts = ["Calanques Numériques", "AP-HM", null, "Mairie de Marseille"];
  return {
    conventionId: 100 + index,
    numero: 51900 + index,
    studentName: names[index % names.length] ?? "Léa Martin",
    formation: "3M127C - Master Psychologie",
    etablissementName: hosts[index % hosts.length] ?? null,
    dateDebut: index % 5 === 0 ? null : "2027-03-01",
    step,
    state: "SUBMITTED",
    waitingDays: 30 - (index % 30),
  };
}

const TO_VALIDATE: TStaffListView = {
  kind: "to_validate",
  query: "",
  groups: [
    { step: "PEDAGOGIQUE", items: [staffItem(0, "PEDAGOGIQUE"), staffItem(1, "PEDAGOGIQUE")] },
    { step: "VALIDATION_ADMINISTRATIVE", items: [staffItem(2, "VALIDATION_ADMINISTRATIVE")] },
  ],
};

const SEARCH: TStaffListView = {
  kind: "search",
  query: "Martin",
  groups: [{ step: null, items: [staffItem(0, "VERIFICATION_ADMINISTRATIVE"), { ...staffItem(4, null), state: "VALIDATED", waitingDays: 0 }] }],
};

function manyEntries(count: number): THistoryEntry[] {
  return Array.from({ length: count }, (_, index) =>
    entry({
      at: new Date(Date.UTC(2026, 10, 28, 12, 0) - index * 3_600_000),
      section: "stage",
      changes: Array.from({ length: 12 }, (_unused, n) => ({
        field: n % 2 ? "sujet" : "details",
        before: "Avant. ".repeat(50),
        after: `Après ${n}. `.repeat(50),
      })),
    }),
  );
}

const MANY_ITEMS: TStaffListView = {
  kind: "to_validate",
  query: "",
  groups: VALIDATION_STEPS.map((step, s) => ({ step, items: Array.from({ length: [70, 25, 5][s] ?? 0 }, (_, index) => staffItem(index, step)) })),
};

const CASES: TCardCase[] = [
  { name: "approval, to decide", build: (locale) => approvalCard(locale, approvalView()) },
  { name: "approval, refused", build: (locale) => approvalCard(locale, approvalView(REFUSED)) },
  { name: "approval, confidential, read-only", build: (locale) => approvalCard(locale, approvalView({ confidential: true, sujet: null, canDecide: false })) },
  ...SUBMITTABLE.map((purpose) => ({ name: `reason form ${purpose}`, build: (locale: TLocale) => reasonFormCard(locale, reasonView(purpose)), form: true })),
  { name: "history", build: (locale) => historyCard(locale, HISTORY) },
  { name: "history of 200 entries", build: (locale) => historyCard(locale, { ...HISTORY, entries: manyEntries(200), omitted: 40 }) },
  { name: "staff list", build: (locale) => staffListCard(locale, TO_VALIDATE) },
  { name: "staff list of 100 items", build: (locale) => staffListCard(locale, MANY_ITEMS) },
  { name: "search results", build: (locale) => staffListCard(locale, SEARCH) },
  { name: "empty staff list", build: (locale) => staffListCard(locale, { ...TO_VALIDATE, groups: [] }) },
];

// Strings that may read the same in both languages: data of the fixtures, numbers and dates,
// and the values of a change, which are data on both sides of "→".
function fixtureStrings(): Set<string> {
  const strings = new Set<string>(["Stagebot"]);
  const visit = (value: unknown): void => {
    if (typeof value === "string") strings.add(value);
    else if (Array.isArray(value)) value.forEach(visit);
    else if (typeof value === "object" && value !== null) Object.values(value).forEach(visit);
  };
  visit([approvalView(), REFUSED, HISTORY, TO_VALIDATE, SEARCH]);
  return strings;
}
const DATA = fixtureStrings();
const LANGUAGE_NEUTRAL = /^[\d\s/.,:;…—·()%+-]*$|→/;

describeCards(CASES, { data: DATA, languageNeutral: LANGUAGE_NEUTRAL });

function facts(card: TCard): Array<{ title: string; value: string }> {
  return nodesOf(card).flatMap((node) => (Array.isArray(node["facts"]) ? (node["facts"] as Array<{ title: string; value: string }>) : []));
}

const verbs = (card: TCard): unknown[] => actionsOf(card).map((action) => action["verb"]);

describe("approvalCard", () => {
  it("shows the convention at a glance, its warnings and its steps", () => {
    const card = approvalCard("fr", approvalView());
    const texts = visibleStrings(card);
    expect(texts[0]).toBe("Convention n° 51928 — Validation pédagogique");
    expect(facts(card)).toEqual(
      expect.arrayContaining([
        { title: "Étudiant", value: "Léa Martin" },
        { title: "Formation", value: "3M127C - Master Psychologie 1ère année (2026/2027)" },
        { title: "Service d'accueil", value: "Pôle développement" },
        { title: "Enseignant référent", value: "Sophie Lambert" },
        { title: "Dates du stage", value: "du 01/03/2027 au 25/06/2027" },
        { title: "Durée effective", value: "532 h — 76 jours — 3,45 mois" },
        { title: "Gratification", value: "4,50 € net par heure" },
        { title: "⏳ Validation pédagogique", value: "En attente de décision" },
        { title: "… Validation administrative", value: "À venir" },
      ]),
    );
    expect(texts).toContain(SUJET);
    expect(texts).toContain(`⚠️ À vérifier : ${translate("fr", "rules:TELEWORK_NOT_DESCRIBED")}`);
    const none = approvalCard("fr", approvalView({ gratification: null }));
    expect(facts(none)).toContainEqual({ title: "Gratification", value: "Pas de gratification" });
  });

  it("offers Valider, Refuser and the recap to whoever may decide", () => {
    const data = { conventionId: 12, round: 1, step: "PEDAGOGIQUE" };
    expect(actionsOf(approvalCard("fr", approvalView()))).toEqual([
      expect.objectContaining({ title: "Valider", verb: "validate_step", data, style: "positive" }),
      expect.objectContaining({ title: "Refuser", verb: "open_refuse", data, style: "destructive" }),
      expect.objectContaining({ title: "Voir le récapitulatif", verb: "show_recap", data: { conventionId: 12 } }),
      expect.objectContaining({ title: "Ouvrir la convention", verb: "open_convention", data: { conventionId: 12 } }),
    ]);
  });

  it("has no decision button for a reader who may not decide", () => {
    const card = approvalCard("fr", approvalView({ canDecide: false }));
    expect(verbs(card)).toEqual(["show_recap", "open_convention"]);
  });

  it("once decided, shows who, when (Europe/Paris) and why, and no decision button", () => {
    const refused = approvalCard("fr", approvalView({ ...REFUSED, canDecide: true }));
    expect(verbs(refused)).toEqual(["show_recap", "open_convention"]);
    expect(visibleStrings(refused)[1]).toBe("❌ Refusée par Sophie Lambert le 28/11/2026 à 14:05 — motif : Le sujet ne correspond pas à la formation.");
    const summer = new Date("2027-07-01T12:05:00Z");
    const validated = approvalCard("en", approvalView({ decided: { decision: "VALIDATED", deciderName: "Sophie Lambert", decidedAt: summer, reason: null } }));
    expect(verbs(validated)).toEqual(["show_recap", "open_convention"]);
    expect(visibleStrings(validated)[1]).toBe("✅ Validated by Sophie Lambert on 01/07/2027 at 14:05");
  });

  it("says the sujet is confidential and never shows it", () => {
    const card = approvalCard("fr", approvalView({ confidential: true, sujet: null }));
    expect(visibleStrings(card)).toContain("🔒 Stage confidentiel : le sujet n'est pas affiché.");
    expect(visibleStrings(card)).not.toContain("Sujet");
    // Even a view that wrongly carried it would not leak it.
    const leaky = approvalCard("fr", approvalView({ confidential: true }));
    expect(JSON.stringify(leaky)).not.toContain(SUJET);
  });
});

describe("reasonFormCard", () => {
  it.each(SUBMITTABLE)("asks a required reason of at most 2000 characters, then submits %s with its data", (purpose) => {
    const card = reasonFormCard("fr", reasonView(purpose));
    expect(inputById(card, "reason")).toMatchObject({ type: "Input.Text", isRequired: true, maxLength: 2000, isMultiline: true, label: "Motif" });
    expect(String(inputById(card, "reason")["errorMessage"])).toBe("Ce champ est obligatoire.");
    const [submit, cancel] = actionsOf(card);
    expect(submit).toMatchObject({ verb: purpose, data: { ...reasonView(purpose).data, conventionId: 12 }, associatedInputs: "auto" });
    expect(cancel).toMatchObject({ title: "Annuler", verb: "cancel", associatedInputs: "none" });
  });

  it("titles the form after what is refused", () => {
    expect(visibleStrings(reasonFormCard("fr", reasonView("refuse_step")))[0]).toBe("Refuser la convention n° 51928");
    expect(visibleStrings(reasonFormCard("fr", reasonView("unvalidate")))[0]).toBe("Retirer la validation de la convention n° 51928");
  });

  it("keeps the typed reason and shows its error right under it", () => {
    const tooLong = "x".repeat(2001);
    const card = reasonFormCard("fr", reasonView("refuse_step", { reason: tooLong, error: { field: "reason", code: "too_long", params: { max: 2000 } } }));
    expect(inputById(card, "reason")["value"]).toBe(tooLong);
    expect(elementAfterInput(card, "reason")).toMatchObject({ text: "2000 caractères au maximum.", color: "Attention" });
    const fresh = reasonFormCard("fr", reasonView("refuse_step"));
    expect(elementAfterInput(fresh, "reason")?.["color"]).not.toBe("Attention");
  });
});

describe("historyCard", () => {
  const card = historyCard("fr", HISTORY);
  const lines = (built: TCard): string[] =>
    nodesOf(built)
      .filter((node: TNode) => node["type"] === "TextBlock")
      .map((node) => String(node["text"]));

  it("lists who did what and when, newest first", () => {
    expect(lines(card).slice(0, 5)).toEqual([
      "Historique de la convention n° 51928",
      "Léa Martin",
      "02/12/2026 à 11:00 — Marc Girard a créé l'avenant n° 1",
      "28/11/2026 à 14:05 — Sophie Lambert a refusé l'étape « Validation pédagogique » — motif : Le sujet ne correspond pas à la formation.",
      "20/11/2026 à 09:00 — Léa Martin a soumis la convention",
    ]);
    expect(lines(card)).toContain("19/11/2026 à 18:30 — Léa Martin a enregistré la section « Stage »");
  });

  it("shows each change as « Libellé : avant → après », values as the recap shows them, long texts shortened", () => {
    const shown = facts(card);
    expect(shown).toContainEqual({ title: "Date de fin du stage", value: "11/06/2027 → 25/06/2027" });
    expect(shown).toContainEqual({ title: "Horaires de travail réguliers", value: "Non → Oui" });
    expect(shown).toContainEqual({ title: "Montant de la gratification", value: "(vide) → 4,50" });
    const long = shown.find((fact) => fact.title === "Fonctions et tâches")?.value ?? "";
    expect(long.startsWith("Tester. → Concevoir, développer")).toBe(true);
    expect(long.endsWith("…")).toBe(true);
    expect(long.length).toBeLessThanOrEqual("Tester. → ".length + 120);
  });

  it("keeps 200 entries within Slack's limits, counting those left out with the older ones", () => {
    const big = historyCard("fr", { ...HISTORY, entries: manyEntries(200), omitted: 40 });
    const shown = nodesOf(big).filter((node) => node["type"] === "Container").length;
    expect(shown).toBeGreaterThan(0);
    expect(lines(big).at(-1)).toBe(`… et ${240 - shown} événements plus anciens`);
    expect(facts(big)).toContainEqual({ title: "…", value: "et 4 autres modifications" });
  });

  it("says when there is nothing yet", () => {
    expect(lines(historyCard("fr", { ...HISTORY, entries: [] }))).toContain("Aucun événement enregistré pour l'instant.");
  });

  it("shows the labels the core resolved, and leaves out the changes that read the same on both sides", () => {
    const saved = entry({
      section: "signataire",
      changes: [
        { field: "signataireId", before: null, after: 10, afterLabel: "ROUSSEAU Jean-Marc — Directeur général" },
        { field: "paysIso2", before: "BE", after: "FR", beforeLabel: "Belgique", afterLabel: "France" },
        { field: "details", before: null, after: "" },
        { field: "heuresHebdomadaires", before: 35, after: "35" },
      ],
    });
    const shown = facts(historyCard("fr", { ...HISTORY, entries: [saved] }));
    expect(shown).toEqual([
      { title: "Signataire", value: "(vide) → ROUSSEAU Jean-Marc — Directeur général" },
      { title: "Pays de la convention", value: "Belgique → France" },
    ]);
  });
});

describe("staffListCard", () => {
  it("groups what waits by step, each line with its age and an Ouvrir button", () => {
    const card = staffListCard("fr", TO_VALIDATE);
    const texts = visibleStrings(card);
    expect(texts.slice(0, 3)).toEqual(["À valider", "Validation pédagogique (2)", "n° 51900 — Léa Martin — Calanques Numériques — en attente depuis 30 jours"]);
    expect(texts).toContain("n° 51901 — Hugo Bernard — AP-HM — début 01/03/2027 — en attente depuis 29 jours");
    expect(texts).toContain("Validation administrative (1)");
    expect(actionsOf(card)[0]).toMatchObject({ title: "Ouvrir", verb: "open_approval", data: { conventionId: 100 } });
  });

  it("shows search results with their state", () => {
    const texts = visibleStrings(staffListCard("fr", SEARCH));
    expect(texts[0]).toBe("Résultats pour « Martin »");
    expect(texts).toContain("n° 51900 — Léa Martin — Calanques Numériques — En cours de validation (Vérification administrative)");
    expect(texts).toContain("n° 51904 — Léa Martin — Calanques Numériques — début 01/03/2027 — Validée");
  });

  it.each([
    ["to_validate", "Rien à valider pour le moment."],
    ["search", "Aucune convention trouvée."],
  ] as const)("says when a %s list is empty", (kind, text) => {
    expect(visibleStrings(staffListCard("fr", { kind, query: "Zoé", groups: [{ step: null, items: [] }] }))).toContain(text);
  });

  it("caps 100 items fairly between the steps and counts the rest", () => {
    const card = staffListCard("fr", MANY_ITEMS);
    const texts = visibleStrings(card);
    const shown = actionsOf(card).length;
    expect(shown).toBe(20);
    for (const step of ["Validation pédagogique (70)", "Vérification administrative (25)", "Validation administrative (5)"]) expect(texts).toContain(step);
    const hidden = texts.flatMap((text) => /^… et (\d+) autres conventions/.exec(text)?.[1] ?? []).map(Number);
    expect(hidden.reduce((a, b) => a + b, 0)).toBe(100 - shown);
  });
});

describe("locales of the workflow cards", () => {
  const keys = [
    ...GRATIFICATION_TYPES.map((code) => `approval.gratificationType.${code}`),
    ...GRATIFICATION_UNITES.map((code) => `approval.gratificationUnit.${code}`),
    ...["validated", "validatedBy", "refused", "refusedBy", "current", "pending"].map((state) => `approval.step.${state}`),
    ...PURPOSES.flatMap((purpose) => [`reasonForm.title.${purpose}`, `reasonForm.intro.${purpose}`, `reasonForm.submit.${purpose}`]),
    "reasonForm.title.refuse_avenantUnnumbered",
    ...["convention.created", "convention.submitted", "convention.validated", "convention.unvalidated", "convention.deleted", "section.saved"].map(
      (a) => `history.actions.${a}`,
    ),
    ...["step.validated", "step.refused", "avenant.created", "avenant.validated", "avenant.refused", "avenant.applied"].map((a) => `history.actions.${a}`),
  ];

  it.each(LOCALES)("has every key the builders compose, in %s", (locale) => {
    const missing = keys.filter((key) => !hasTranslation(locale, `cards:${key}`));
    expect(missing).toEqual([]);
    for (const step of VALIDATION_STEPS) expect(hasTranslation(locale, `domain:steps.${step}`)).toBe(true);
  });
});
