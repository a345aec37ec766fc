import type { KnownBlock } from "@slack/types";
import { describe, expect, it } from "vitest";
import { AppError } from "../../../src/app/app-error.ts";
import type { TCard } from "../../../src/app/conversation/effects.ts";
import { DATASETS, VERBS } from "../../../src/app/conversation/events.ts";
import { etablissementFormCard, formAnswers, noticeCard, sectionFormCard } from "../../../src/cards/index.ts";
import {
  assertWithinSlackLimits,
  blockActionToEvent,
  blockSuggestionToQuery,
  cardToMessage,
  cardToModal,
  optionsResponse,
  toSlackErrors,
  viewSubmissionToData,
  type TSlackModal,
} from "../../../src/channels/slack/block-kit/index.ts";
import { SECTION_IDS } from "../../../src/domain/sections/index.ts";
import { LOCALES } from "../../../src/i18n/translate.ts";
import { actionsOf, inputsOf, submission, type TNode } from "../cards/card-checks.ts";
import { ETABLISSEMENT_FORM_VIEW, sectionFormView } from "../cards/card-fixtures.ts";
import { completeConventionValues } from "../domain/fixtures.ts";
import { buttonsOf, CASES, LONG_VALUES, MANY_INTERRUPTIONS, unchangedState } from "./block-kit-fixtures.ts";

const CALLER = "C0123/1700000000.000100";
const modalOf = (card: TCard, privateMetadata = CALLER): TSlackModal => cardToModal(card, { locale: "fr", callbackId: "stagebot_form", privateMetadata });
const submitOf = (card: TCard): TNode | undefined => actionsOf(card).find((action) => action["associatedInputs"] === "auto");
const inputBlock = (view: TSlackModal, blockId: string) =>
  view.blocks.find((block): block is Extract<KnownBlock, { type: "input" }> => block.type === "input" && block.block_id === blockId);
const card = (body: unknown[], actions: unknown[] = []): TCard => ({ type: "AdaptiveCard", version: "1.5", body, actions });

// What a form's data means once read: typed answers of every section, period cells aside (the
// modal may send a period list as lines, the playground as one input per cell).
function meaning(data: Record<string, unknown>): Record<string, unknown> {
  const plain = Object.fromEntries(Object.entries(data).filter(([key]) => !/\.\d+\./.test(key) && key !== "interruptions" && key !== "irregularPeriods"));
  return { ...plain, ...Object.assign({}, ...SECTION_IDS.map((sectionId) => formAnswers(sectionId, data))) };
}

describe.each(CASES)("$name card in Slack", ({ build, form }) => {
  it.each(LOCALES)("as a message fits Slack's limits, each button sending back a verb of VERBS (%s)", (locale) => {
    const built = build(locale);
    const message = cardToMessage(built, { locale });
    expect(assertWithinSlackLimits(message)).toEqual([]);
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    expect(message.text.trim()).not.toBe("");
    const events = buttonsOf(message.blocks).map((button) => blockActionToEvent(button));
    for (const event of events) expect(VERBS).toContain(event.verb);
    // A message shows every button of the card; a form, one button that opens it.
    if (form) expect(events).toEqual([expect.objectContaining({ verb: expect.stringMatching(/^open_/) })]);
    else expect(events).toEqual(actionsOf(built).map((action) => ({ verb: action["verb"], data: action["data"] })));
  });
});

describe.each(CASES.filter((c) => c.form))("$name form as a Slack modal", ({ build }) => {
  it.each(LOCALES)("fits Slack's limits, each input an input block named after it, typeaheads searching their dataset (%s)", (locale) => {
    const built = build(locale);
    const view = modalOf(built);
    expect(assertWithinSlackLimits(view)).toEqual([]);
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    expect(view.title.text.length).toBeLessThanOrEqual(24);
    for (const input of inputsOf(built)) {
      const id = String(input["id"]);
      const block = inputBlock(view, id) ?? inputBlock(view, id.split(".")[0] ?? "");
      expect(block, `input ${id}`).toBeDefined();
      const query = input["choices.data"] as { dataset?: string } | undefined;
      if (query?.dataset === undefined) continue;
      expect(DATASETS).toContain(query.dataset);
      expect(block?.element).toMatchObject({ type: expect.stringMatching(/external_select$/), action_id: `ds:${query.dataset}`, min_query_length: 0 });
    }
    for (const button of buttonsOf(view.blocks)) expect(VERBS).toContain(blockActionToEvent(button).verb);
  });

  it("submitted as it opened, reads back as the playground would send it", () => {
    const built = build("fr");
    const view = modalOf(built);
    const submitted = viewSubmissionToData(unchangedState(view), view.private_metadata ?? "");
    const submit = submitOf(built);
    expect(submit).toBeDefined();
    expect(submitted).toMatchObject({ verb: submit?.["verb"], callerMetadata: CALLER });
    expect(meaning(submitted.data)).toEqual(meaning(submission(built, submit ?? {})));
  });
});

describe("text", () => {
  it("escapes &, < and >, makes headings bold and colours a leading emoji", () => {
    const message = cardToMessage(
      card([
        { type: "TextBlock", text: "Convention <n° 1> & avenant", size: "Large", weight: "Bolder", wrap: true },
        { type: "TextBlock", text: "Réponse à corriger", color: "Attention", wrap: true },
        { type: "TextBlock", text: "À vérifier", color: "Warning", wrap: true },
        { type: "TextBlock", text: "❌ Refusée", color: "Attention", wrap: true },
        { type: "TextBlock", text: "<@U123> mis à jour", isSubtle: true, wrap: true },
      ]),
      { locale: "fr" },
    );
    expect(message.blocks).toEqual([
      { type: "section", text: { type: "mrkdwn", text: "*Convention &lt;n° 1&gt; &amp; avenant*" } },
      { type: "section", text: { type: "mrkdwn", text: "❗ Réponse à corriger" } },
      { type: "section", text: { type: "mrkdwn", text: "⚠️ À vérifier" } },
      { type: "section", text: { type: "mrkdwn", text: "❌ Refusée" } },
      { type: "context", elements: [{ type: "mrkdwn", text: "&lt;@U123&gt; mis à jour" }] },
    ]);
    expect(message.text).toBe("Convention &lt;n° 1&gt; &amp; avenant — Réponse à corriger");
  });

  it("splits a long text into sections at paragraph boundaries, losing nothing", () => {
    const paragraphs = Array.from({ length: 6 }, (_, n) => `Paragraphe ${n}. ${"mot ".repeat(240).trim()}`);
    const message = cardToMessage(card([{ type: "TextBlock", text: paragraphs.join("\n\n"), wrap: true }]), { locale: "fr" });
    const texts = message.blocks.map((block) => (block.type === "section" ? (block.text?.text ?? "") : ""));
    expect(texts.length).toBeGreaterThan(1);
    for (const text of texts) expect(text.length).toBeLessThanOrEqual(3000);
    for (const text of texts) expect(text).toMatch(/^Paragraphe \d\. mot .* mot$/s);
    expect(texts.join("\n\n")).toBe(paragraphs.join("\n\n"));
  });
});

describe("buttons", () => {
  it("fails loudly, naming the verb, when an action's data would not fit a button", () => {
    const big = noticeCard("fr", {
      tone: "default",
      titleKey: "cards:help.title",
      actions: [{ titleKey: "cards:actions.open", verb: "open_convention", data: { blob: "x".repeat(2500) } }],
    });
    expect(() => cardToMessage(big, { locale: "fr" })).toThrow(/"open_convention".*2000/);
    const form = sectionFormCard("fr", sectionFormView("tuteur"));
    expect(() => modalOf(form, "m".repeat(3000))).toThrow(/"save_section".*3000/);
  });

  it("shows a card's links (a PDF's signed link) as link buttons that Slack opens itself, beside the card's own buttons", () => {
    const url = "https://stages.univ-demo.fr/documents/djE6MTI6MzQ6MTc5OTk5OTk5OTk5OQ.c2lnbmF0dXJl";
    const notice = noticeCard("fr", {
      tone: "good",
      titleKey: "conversation:links.renewed",
      params: { minutes: 15 },
      footnoteKey: "conversation:links.validity",
      links: [{ titleKey: "workflow:downloadPdf", url }],
      actions: [{ titleKey: "conversation:links.newLink", verb: "new_link", data: { conventionId: 42, documentIds: [12] } }],
    });
    const message = cardToMessage(notice, { locale: "fr" });
    const elements = message.blocks.flatMap((block) => (block.type === "actions" ? block.elements : []));
    const link = elements.find((element) => element.type === "button" && element.url === url);
    expect(link).toMatchObject({ type: "button", text: { text: "Télécharger la convention (PDF)" }, url });
    // A link button's click is only acknowledged: its action_id is not one of the core's.
    expect(link && "action_id" in link ? blockActionToEvent.bind(null, { action_id: String(link.action_id) }) : null).toThrow(AppError);
    const renew = elements.find((element) => element.type === "button" && element.url === undefined);
    expect(renew && "value" in renew ? blockActionToEvent({ action_id: String(renew.action_id), value: String(renew.value) }) : null).toEqual({
      verb: "new_link",
      data: { conventionId: 42, documentIds: [12] },
    });
    expect(JSON.stringify(message.blocks)).toContain("valable 15 min");
    expect(assertWithinSlackLimits(message)).toEqual([]);
  });

  it("rejects a forged or broken button value as invalid input", () => {
    expect(() => blockActionToEvent({ action_id: "ac:drop:0", value: JSON.stringify({ verb: "drop_tables", data: {} }) })).toThrow(AppError);
    expect(() => blockActionToEvent({ action_id: "ac:help:0", value: "{not json" })).toThrow(AppError);
    expect(() => blockActionToEvent({ action_id: "in:text", value: JSON.stringify({ verb: "help", data: {} }) })).toThrow(AppError);
  });

  it("offers a form posted as a message through a button that opens it again", () => {
    const message = cardToMessage(sectionFormCard("en", sectionFormView("stage")), { locale: "en" });
    expect(message.blocks[0]).toEqual({ type: "section", text: { type: "mrkdwn", text: "*5. Internship*" } });
    const [open] = buttonsOf(message.blocks);
    expect(blockActionToEvent(open ?? { action_id: "" })).toEqual({ verb: "open_section", data: { conventionId: 42, version: 7, section: "stage" } });
    expect(JSON.stringify(message.blocks)).toContain("Open the form");
  });

  it("sends the form's inputs with a modal button that submits them (« Créer quand même »)", () => {
    const view = modalOf(etablissementFormCard("fr", ETABLISSEMENT_FORM_VIEW));
    const anyway = buttonsOf(view.blocks).find((button) => button.action_id.endsWith(":inputs"));
    const event = blockActionToEvent(anyway ?? { action_id: "" }, unchangedState(view));
    expect(event).toMatchObject({
      verb: "create_etablissement",
      data: { confirmDuplicate: true, raisonSociale: "Calanques Numeriques", siret: "552 100 554 00018" },
    });
  });
});

describe("modal inputs", () => {
  const stage = sectionFormCard("fr", sectionFormView("stage"));
  const view = modalOf(stage);

  it("uses Slack's own widgets: datepicker, radio buttons, checkboxes, selects, optional unless required", () => {
    expect(inputBlock(view, "dateDebut")).toMatchObject({ optional: true, element: { type: "datepicker", initial_date: "2026-03-02" } });
    expect(inputBlock(view, "horairesReguliers")?.element).toMatchObject({ type: "radio_buttons", initial_option: { value: "true" } });
    expect(inputBlock(view, "teletravail")?.element).toMatchObject({ type: "checkboxes", options: [{ value: "true" }] });
    expect(inputBlock(view, "heuresHebdomadaires")?.element).toMatchObject({ type: "plain_text_input", initial_value: "35" });
    expect(inputBlock(view, "thematiqueCode")?.element).toMatchObject({ type: "static_select", initial_option: { value: "INFORMATIQUE" } });
    expect(inputBlock(view, "sujet")?.element).toMatchObject({ type: "plain_text_input", multiline: true, max_length: 500 });
    expect(JSON.stringify(view.blocks)).not.toContain("❗");
    const reason = modalOf(etablissementFormCard("fr", ETABLISSEMENT_FORM_VIEW));
    expect(inputBlock(reason, "raisonSociale")?.optional).toBe(false);
  });

  it("reads a changed submission as typed answers: text, date, choice, toggle, cleared number", () => {
    const state = unchangedState(view);
    state["sujet"] = { "in:text": { type: "plain_text_input", value: "Un nouveau sujet" } };
    state["dateFin"] = { "in:date": { type: "datepicker", selected_date: "2026-07-03" } };
    state["horairesReguliers"] = { "in:radio": { type: "radio_buttons", selected_option: { value: "false" } } };
    state["teletravail"] = { "in:toggle": { type: "checkboxes", selected_options: [{ value: "true" }] } };
    state["travailNuit"] = { "in:toggle": { type: "checkboxes", selected_options: [] } };
    state["heuresHebdomadaires"] = { "in:number": { type: "plain_text_input", value: null } };
    const answers = formAnswers("stage", viewSubmissionToData(state, view.private_metadata ?? "").data);
    expect(answers).toMatchObject({
      sujet: "Un nouveau sujet",
      dateFin: "2026-07-03",
      horairesReguliers: false,
      teletravail: true,
      travailNuit: false,
      heuresHebdomadaires: null,
    });
  });

  it("shows a long period list as one text box, one period per line, read back row by row", () => {
    const long = modalOf(sectionFormCard("fr", sectionFormView("stage", { values: LONG_VALUES })));
    const box = inputBlock(long, "interruptions");
    expect(box?.element).toMatchObject({ type: "plain_text_input", action_id: "pl:dateDebut,dateFin", multiline: true });
    const lines = box?.element.type === "plain_text_input" ? (box.element.initial_value ?? "").split("\n") : [];
    expect(lines).toHaveLength(MANY_INTERRUPTIONS.length);
    expect(lines[0]).toBe("06/03/2026 06/03/2026");
    const state = unchangedState(long);
    state["interruptions"] = { "pl:dateDebut,dateFin": { type: "plain_text_input", value: "du 6/4/2026 au 10/04/2026\n\n20/04/2026 - 24/04/2026" } };
    const data = viewSubmissionToData(state, long.private_metadata ?? "").data;
    expect(formAnswers("stage", data)["interruptions"]).toEqual([
      { dateDebut: "2026-04-06", dateFin: "2026-04-10" },
      { dateDebut: "2026-04-20", dateFin: "2026-04-24" },
    ]);
    state["interruptions"] = { "pl:dateDebut,dateFin": { type: "plain_text_input", value: null } };
    expect(formAnswers("stage", viewSubmissionToData(state, long.private_metadata ?? "").data)["interruptions"]).toBeNull();
  });

  it("shows, without offering to edit, a text longer than a Slack input takes: the submission leaves it unchanged", () => {
    const values = completeConventionValues({ fonctionsTaches: "Une tâche détaillée. ".repeat(200) });
    const long = modalOf(sectionFormCard("fr", sectionFormView("stage", { values })));
    expect(inputBlock(long, "fonctionsTaches")).toBeUndefined();
    expect(JSON.stringify(long.blocks)).toContain("3000 caractères");
    expect(formAnswers("stage", viewSubmissionToData(unchangedState(long), long.private_metadata ?? "").data)).not.toHaveProperty("fonctionsTaches");
  });

  it("groups more than 100 static choices, and keeps multi-selects and long expanded lists within Slack's widgets", () => {
    const countries = Array.from({ length: 250 }, (_, n) => ({ title: `Pays ${String(n).padStart(3, "0")}`, value: `P${n}` }));
    const twelve = countries.slice(0, 12);
    const form = card(
      [
        { type: "Input.ChoiceSet", id: "paysIso2", label: "Pays", value: "P180", choices: countries, style: "filtered" },
        { type: "Input.ChoiceSet", id: "langues", label: "Langues", value: "P1,P3", choices: twelve, isMultiSelect: true, style: "compact" },
        { type: "Input.ChoiceSet", id: "motif", label: "Motif", value: "", choices: twelve, style: "expanded" },
      ],
      [{ type: "Action.Execute", title: "Enregistrer", verb: "save_section", data: { conventionId: 42 }, associatedInputs: "auto" }],
    );
    const view = modalOf(form);
    expect(assertWithinSlackLimits(view)).toEqual([]);
    const pays = inputBlock(view, "paysIso2")?.element;
    expect(pays).toMatchObject({ type: "static_select", initial_option: { value: "P180" } });
    expect(pays?.type === "static_select" ? pays.option_groups?.map((group) => group.options.length) : []).toEqual([100, 100, 50]);
    expect(inputBlock(view, "langues")?.element).toMatchObject({ type: "multi_static_select", initial_options: [{ value: "P1" }, { value: "P3" }] });
    expect(inputBlock(view, "motif")?.element.type).toBe("static_select");
    expect(viewSubmissionToData(unchangedState(view), view.private_metadata ?? "").data).toEqual({
      conventionId: 42,
      paysIso2: "P180",
      langues: "P1,P3",
      motif: "",
    });
  });

  it("rejects state values that are not Slack's", () => {
    const bad = { sujet: { "in:text": { type: "plain_text_input", value: 42 } } } as unknown as Parameters<typeof viewSubmissionToData>[0];
    expect(() => viewSubmissionToData(bad, view.private_metadata ?? "")).toThrow(AppError);
    expect(() => viewSubmissionToData({}, "not json")).toThrow(AppError);
  });
});

describe("typeahead and errors", () => {
  it("turns a block_suggestion into the core's search, with the form's data (the chosen établissement)", () => {
    const view = modalOf(sectionFormCard("fr", sectionFormView("tuteur")));
    expect(inputBlock(view, "tuteurId")?.element).toMatchObject({ type: "external_select", action_id: "ds:contacts", initial_option: { value: "300" } });
    const query = blockSuggestionToQuery({ action_id: "ds:contacts", value: "ngu", view: { private_metadata: view.private_metadata } });
    expect(query).toEqual({ dataset: "contacts", text: "ngu", data: { conventionId: 42, version: 7, section: "tuteur", etablissementId: 100 } });
    expect(() => blockSuggestionToQuery({ action_id: "ds:passwords", value: "" })).toThrow(AppError);
  });

  it("answers with at most 100 options, titles cut to 75 characters, values Slack could not send back left out", () => {
    const choices = Array.from({ length: 150 }, (_, n) => ({ title: `Établissement ${n} — ${"Marseille ".repeat(10)}`, value: String(n) }));
    const { options } = optionsResponse([{ title: "Trop long", value: "v".repeat(151) }, ...choices]);
    expect(options).toHaveLength(100);
    expect(options[0]?.value).toBe("0");
    for (const option of options) expect(option.text.text.length).toBeLessThanOrEqual(75);
  });

  it("names the input block of each error, a period cell's on its list's text box, cut to 2000 characters", () => {
    const long = modalOf(sectionFormCard("fr", sectionFormView("stage", { values: LONG_VALUES })));
    const errors = { "interruptions.3.dateFin": "Hors du stage.", sujet: "x".repeat(2500), _form: "Conflit." };
    expect(toSlackErrors({ sujet: "Trop long." })).toEqual({ sujet: "Trop long." });
    const mapped = toSlackErrors(errors, long);
    expect(mapped["interruptions"]).toBe("Hors du stage.");
    expect(mapped["sujet"]?.length).toBe(2000);
    expect(Object.keys(mapped).every((blockId) => inputBlock(long, blockId) !== undefined)).toBe(true);
    const rows = modalOf(sectionFormCard("fr", sectionFormView("stage")));
    expect(toSlackErrors({ "interruptions.1.dateDebut": "Date invalide." }, rows)).toEqual({ "interruptions.1.dateDebut": "Date invalide." });
  });
});
