import { describe, expect, it } from "vitest";
import {
  confirmDeleteCard,
  conventionListCard,
  etablissementFormCard,
  helpCard,
  hostChildFormCard,
  noticeCard,
  progressCard,
} from "../../../src/cards/index.ts";
import { SECTION_IDS } from "../../../src/domain/sections/index.ts";
import { actionsOf, elementAfterInput, inputById, nodesOf, visibleStrings } from "./card-checks.ts";
import { CONTACT_FORM_VIEW, ETABLISSEMENT_FORM_VIEW, HEADER, LIST_VIEW, progressView, SERVICE_FORM_VIEW } from "./card-fixtures.ts";

describe("progressCard", () => {
  it("titles a draft, and a convention by its number", () => {
    expect(visibleStrings(progressCard("fr", progressView()))[0]).toBe("Brouillon de convention");
    expect(visibleStrings(progressCard("fr", progressView({ numero: 51928 })))[0]).toBe("Convention n° 51928");
  });

  it("shows each section's state with a clear mark, in AMUSTAGE's order", () => {
    const texts = visibleStrings(progressCard("fr", progressView()));
    const rows = [
      "1. Étudiant",
      "2. Établissement d'accueil",
      "3. Service d'accueil",
      "4. Tuteur professionnel",
      "5. Stage",
      "6. Enseignant référent",
      "7. Signataire",
    ];
    expect(rows.map((row) => texts.indexOf(row))).toEqual([...rows.map((row) => texts.indexOf(row))].sort((a, b) => a - b));
    expect(texts[texts.indexOf("1. Étudiant") + 1]).toBe("✅ Complet");
    expect(texts[texts.indexOf("5. Stage") + 1]).toBe("❌ À corriger");
    expect(texts[texts.indexOf("6. Enseignant référent") + 1]).toBe("⚠️ Incomplet — 1 champ manquant");
  });

  it("offers Remplir / Modifier for each section, the recap and the deletion when allowed", () => {
    const actions = actionsOf(progressCard("fr", progressView()));
    const open = actions.filter((action) => action["verb"] === "open_section");
    expect(open.map((action) => (action["data"] as { section: string }).section)).toEqual([...SECTION_IDS]);
    expect(open.find((action) => (action["data"] as { section: string }).section === "enseignant")?.["title"]).toBe("Remplir");
    expect(open.find((action) => (action["data"] as { section: string }).section === "etudiant")?.["title"]).toBe("Modifier");
    expect(actions.slice(-3)).toEqual([
      expect.objectContaining({ title: "Récapitulatif", verb: "show_recap", data: { conventionId: 42 } }),
      expect.objectContaining({ title: "Aperçu PDF", verb: "preview_pdf", data: { conventionId: 42 } }),
      expect.objectContaining({ title: "Supprimer le brouillon", verb: "delete_convention", data: { conventionId: 42 }, style: "destructive" }),
    ]);
  });

  it("offers only the recap and the PDF preview to a reader who may not edit", () => {
    const card = progressCard("fr", progressView({ rights: { canEdit: false, canDelete: false, canSubmit: false } }));
    expect(actionsOf(card).map((action) => action["verb"])).toEqual(["show_recap", "preview_pdf"]);
  });
});

describe("conventionListCard", () => {
  it("lists each convention with its number or Brouillon, host, dates, state, completion and Ouvrir", () => {
    const card = conventionListCard("fr", LIST_VIEW);
    const texts = visibleStrings(card);
    expect(texts).toEqual(
      expect.arrayContaining([
        "Mes conventions",
        "Brouillon",
        "Calanques Numériques · du 02/03/2026 au 26/06/2026",
        "En cours de saisie · 5/7 rubriques complètes",
        "Convention n° 51928",
        "Validée · 7/7 rubriques complètes",
      ]),
    );
    expect(actionsOf(card)).toEqual([
      expect.objectContaining({ title: "Ouvrir", verb: "open_convention", data: { conventionId: 42 } }),
      expect.objectContaining({ title: "Ouvrir", verb: "open_convention", data: { conventionId: 12 } }),
      expect.objectContaining({ title: "Nouvelle convention", verb: "new_convention", data: {} }),
    ]);
  });

  it("says when there is nothing to show, and offers a new convention only to who may create one", () => {
    expect(visibleStrings(conventionListCard("fr", { items: [], canCreate: true }))).toContain(
      "Vous n'avez encore aucune convention : commencez-en une avec « Nouvelle convention ».",
    );
    const card = conventionListCard("en", { items: [], canCreate: false });
    // Who may not create is staff: told where their conventions are (issue 14, item 14).
    expect(visibleStrings(card)).toContain(
      "You have no convention in your name: type “to validate” for what waits for your decision, or “search” followed by a name or a number.",
    );
    expect(actionsOf(card)).toEqual([]);
  });

  it("keeps to the 20 most recent and says how many more there are", () => {
    const items = Array.from({ length: 23 }, (_, index) => ({ ...LIST_VIEW.items[0]!, conventionId: index + 1 }));
    const card = conventionListCard("fr", { items, canCreate: false });
    expect(actionsOf(card)).toHaveLength(20);
    expect(visibleStrings(card)).toContain("… et 3 autres conventions, plus anciennes.");
  });
});

describe("noticeCard", () => {
  it("shows its title in its tone, its text and its buttons", () => {
    const card = noticeCard("fr", {
      tone: "good",
      titleKey: "cards:actions.newConvention",
      textKey: "errors:NOT_FOUND",
      params: { entity: "Convention", id: 7 },
      actions: [{ titleKey: "cards:actions.open", verb: "open_convention", data: { conventionId: 7 } }],
    });
    expect(nodesOf(card)[0]).toMatchObject({ text: "Nouvelle convention", color: "Good" });
    expect(visibleStrings(card)).toContain("Introuvable : Convention n° 7 n'existe pas ou a été supprimé(e).");
    expect(actionsOf(card)).toEqual([expect.objectContaining({ title: "Ouvrir", verb: "open_convention", data: { conventionId: 7 }, style: "default" })]);
  });

  it("refuses a button whose verb the core does not understand", () => {
    const view = { tone: "default" as const, titleKey: "cards:help.title", actions: [{ titleKey: "cards:actions.open", verb: "launch_rocket", data: {} }] };
    expect(() => noticeCard("fr", view)).toThrow(/launch_rocket/);
  });
});

describe("helpCard", () => {
  it.each(["fr", "en"] as const)("in %s, lists the words understood in both languages, with two buttons", (locale) => {
    const text = visibleStrings(helpCard(locale)).join("\n");
    for (const words of ["nouvelle convention", "new convention", "mes conventions", "my conventions", "aide", "help", "reprendre", "resume"]) {
      expect(text).toContain(words);
    }
    expect(actionsOf(helpCard(locale)).map((action) => action["verb"])).toEqual(["new_convention", "list_conventions"]);
  });
});

describe("confirmDeleteCard", () => {
  it("says the deletion is final and confirms with the convention's version", () => {
    const card = confirmDeleteCard("fr", HEADER);
    expect(visibleStrings(card)).toContain("La suppression est définitive : toutes les réponses de ce brouillon seront perdues.");
    expect(actionsOf(card)).toEqual([
      expect.objectContaining({ title: "Supprimer définitivement", verb: "confirm_delete", data: { conventionId: 42, version: 7 }, style: "destructive" }),
      expect.objectContaining({ title: "Annuler", verb: "cancel", associatedInputs: "none" }),
    ]);
  });
});

describe("etablissementFormCard", () => {
  it("asks for the établissement's fields, errors under them, required ones marked", () => {
    const card = etablissementFormCard("fr", ETABLISSEMENT_FORM_VIEW);
    expect(inputById(card, "raisonSociale")).toMatchObject({ label: "Raison sociale", value: "Calanques Numeriques", isRequired: true });
    expect(inputById(card, "siret")).toMatchObject({ isRequired: false });
    expect(inputById(card, "typeStructureCode")).toMatchObject({ type: "Input.ChoiceSet" });
    expect(elementAfterInput(card, "postalCode")).toMatchObject({ color: "Attention", text: "Ce champ est obligatoire." });
    expect(elementAfterInput(card, "siret")).toMatchObject({ color: "Attention" });
  });

  it("offers each duplicate instead, saving section 2 with the convention's version", () => {
    const actions = actionsOf(etablissementFormCard("fr", ETABLISSEMENT_FORM_VIEW));
    expect(actions.slice(0, 2)).toEqual([
      expect.objectContaining({
        verb: "save_section",
        associatedInputs: "none",
        data: { conventionId: 42, version: 7, section: "etablissement", etablissementId: 100 },
      }),
      expect.objectContaining({ verb: "save_section", data: { conventionId: 42, version: 7, section: "etablissement", etablissementId: 101 } }),
    ]);
    const withoutVersion = actionsOf(etablissementFormCard("fr", { ...ETABLISSEMENT_FORM_VIEW, version: undefined }));
    expect(withoutVersion[0]).toMatchObject({ verb: "open_section", data: { conventionId: 42, section: "etablissement" } });
  });

  it("creates, or proposes a correction when an établissement is given", () => {
    const create = actionsOf(etablissementFormCard("fr", ETABLISSEMENT_FORM_VIEW)).at(-2);
    expect(create).toMatchObject({ verb: "create_etablissement", data: { conventionId: 42, etablissementId: null }, associatedInputs: "auto" });
    const change = etablissementFormCard("fr", { ...ETABLISSEMENT_FORM_VIEW, etablissementId: 100, duplicates: [], errors: [] });
    expect(actionsOf(change).at(-2)).toMatchObject({ verb: "propose_etablissement_change", data: { conventionId: 42, etablissementId: 100 } });
    expect(visibleStrings(change)[0]).toBe("Proposer une correction de l'établissement d'accueil");
  });
});

describe("hostChildFormCard", () => {
  it("creates a contact for the section that asked", () => {
    const card = hostChildFormCard("fr", CONTACT_FORM_VIEW);
    expect(visibleStrings(card)).toContain("Le contact sera ajouté à l'établissement d'accueil et choisi comme tuteur professionnel de cette convention.");
    expect(inputById(card, "lastName")).toMatchObject({ isRequired: true, value: "Moreau" });
    expect(inputById(card, "serviceId")).toMatchObject({ type: "Input.ChoiceSet", value: "200" });
    expect(inputById(card, "civilite")).toMatchObject({ value: "Mme" });
    expect(elementAfterInput(card, "firstName")).toMatchObject({ text: "Ce champ est obligatoire." });
    expect(actionsOf(card)[0]).toMatchObject({ verb: "create_contact", data: { conventionId: 42, etablissementId: 100, forSection: "tuteur" } });
  });

  it("creates a service", () => {
    const card = hostChildFormCard("fr", SERVICE_FORM_VIEW);
    expect(inputById(card, "name")).toMatchObject({ label: "Nom du service", isRequired: true, value: "Pôle développement" });
    expect(actionsOf(card)[0]).toMatchObject({ verb: "create_service", data: { conventionId: 42, etablissementId: 100, forSection: "service" } });
  });
});
