/* global AdaptiveCards */
// Renders the core's Adaptive Cards with the official renderer (adaptivecards 3.0.6, loaded as
// a global by index.html), as Teams would: Action.Execute goes to the page's handler, and
// Input.ChoiceSet with "choices.data" (Data.Query) searches the server as the person types.
import { cardMarkdownToHtml } from "./card-markdown.js";
import { t } from "./strings.js";

const hostConfig = new AdaptiveCards.HostConfig({
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
});

AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text, result) => {
  result.outputHtml = cardMarkdownToHtml(text);
  result.didProcess = true;
};

function isDynamicTypeahead(input) {
  return input.getJsonTypeName() === "Input.ChoiceSet" && input.isDynamicTypeahead();
}

// The renderer reports a typeahead's text (a choice's title), not the choice's value; the page
// remembers the value of every title it has shown, per input, and submits the value.
function valueOf(input, titles) {
  const value = input.value;
  if (!isDynamicTypeahead(input) || value === undefined) return value;
  return titles.get(input.id)?.get(value) ?? value;
}

function isChosen(input, titles) {
  if (!input.isSet()) return false;
  return !isDynamicTypeahead(input) || titles.get(input.id)?.has(input.value) === true || hasStaticChoice(input, input.value);
}

function hasStaticChoice(input, value) {
  return input.choices.some((choice) => choice.value === value);
}

/** The current values of the card's inputs (typeahead inputs only once a choice is made). */
function inputValues(card, titles) {
  const values = {};
  for (const input of card.getAllInputs()) {
    if (input.id && isChosen(input, titles)) values[input.id] = valueOf(input, titles);
  }
  return values;
}

/** The data of the card's first Action.Execute: it names the convention and the form. */
function primaryActionData(card) {
  const execute = card.getAllActions().find((action) => action.getJsonTypeName() === "Action.Execute");
  return { ...(execute?.data ?? {}) };
}

function rememberTitles(titles, inputId, choices) {
  const map = titles.get(inputId) ?? new Map();
  for (const choice of choices) map.set(choice.title, choice.value);
  titles.set(inputId, map);
}

function typeaheadTextBox(input) {
  return input.renderedElement?.querySelector("input.ac-choiceSetInput-filtered-textbox") ?? null;
}

/**
 * The server already matched the text (accents, SIRET, first or last name): show its choices as
 * ranked. The 3.0.6 renderer would filter them again by plain substring of the title and hide
 * good matches ("Hopital" for "Hôpital"), so this instance's filter keeps every fetched choice.
 */
function keepServerRanking(input) {
  const filtered = input._filteredChoiceSet;
  if (!filtered || typeof filtered.createChoice !== "function") return;
  filtered.filterChoices = function filterChoices() {
    const text = (this._textInput?.value ?? "").toLowerCase().trim();
    const statics = this._choices.filter((choice) => choice.title && choice.title.toLowerCase().includes(text));
    const seen = new Set();
    for (const choice of [...statics, ...this._dynamicChoices]) {
      if (!choice.title || seen.has(choice.title)) continue;
      seen.add(choice.title);
      // createChoice bolds the matched part, searched as given: pass it in the title's own case.
      const at = choice.title.toLowerCase().indexOf(text);
      const matched = at >= 0 ? choice.title.substring(at, at + text.length) : text;
      this._dropdown?.appendChild(this.createChoice(choice.title, matched, this._visibleChoiceCount++));
    }
  };
}

function localiseStatus(input, text) {
  const status = input.getDropdownElement()?.querySelector(".ac-choiceSetInput-statusIndicator");
  if (status) status.textContent = text;
}

async function searchInto(card, input, titles, onSearch) {
  const filter = input.getFilterForDynamicSearch();
  if (!filter || !filter.trim()) return;
  input.showLoadingIndicator();
  localiseStatus(input, t("searching"));
  try {
    const data = { ...primaryActionData(card), ...inputValues(card, titles) };
    const choices = await onSearch(input.choicesData.dataset, filter, data);
    rememberTitles(titles, input.id, choices);
    input.renderChoices(filter, choices);
    if (choices.length === 0) input.showErrorIndicator(filter, t("noResults"));
  } catch {
    input.showErrorIndicator(filter, t("searchFailed"));
  }
}

/** Stable hooks (data-input-id, data-input-for, data-verb, data-section) for tests and a correct label on typeahead text boxes; a prefilled typeahead shows its title. */
function annotate(card, titles) {
  for (const input of card.getAllInputs()) {
    if (!input.id || !input.renderedElement) continue;
    input.renderedElement.dataset.inputFor = input.id;
    const control = isDynamicTypeahead(input) ? typeaheadTextBox(input) : input.renderedElement.querySelector("input, select, textarea");
    if (!control) continue;
    control.dataset.inputId = input.id;
    // A text box choice set (style "filtered", or a typeahead) shows its prefilled value as the
    // raw value ("FR", "12"); show the choice's title, which the renderer maps back to the value.
    if (input.getJsonTypeName() === "Input.ChoiceSet" && control.tagName === "INPUT" && control.type === "text" && input.defaultValue) {
      const prefilled = input.choices.find((choice) => choice.value === input.defaultValue);
      if (prefilled?.title) {
        control.value = prefilled.title;
        rememberTitles(titles, input.id, [{ title: prefilled.title, value: prefilled.value }]);
      }
    }
    if (isDynamicTypeahead(input)) {
      const labelledBy = input.renderedElement.querySelector("[aria-labelledby]")?.getAttribute("aria-labelledby");
      if (labelledBy) control.setAttribute("aria-labelledby", labelledBy);
      keepServerRanking(input);
    }
  }
  for (const action of card.getAllActions()) {
    if (action.getJsonTypeName() !== "Action.Execute" || !action.renderedElement) continue;
    action.renderedElement.dataset.verb = action.verb;
    // Section buttons share a verb; the section they open tells them apart.
    const section = action.data?.section;
    if (typeof section === "string") action.renderedElement.dataset.section = section;
  }
}

/**
 * Renders one card. `onExecute(verb, data)` receives Action.Execute with the action's data and
 * its inputs' values merged, "" for an empty one (the renderer validates required inputs first); `onSearch(dataset,
 * text, data)` answers typeahead queries with [{ title, value }]. Returns the element, or a
 * fallback paragraph when the card cannot be rendered.
 */
export function renderCard(json, { onExecute, onSearch }) {
  const card = new AdaptiveCards.AdaptiveCard();
  card.hostConfig = hostConfig;
  const titles = new Map();
  card.onExecuteAction = (action) => {
    const type = action.getJsonTypeName();
    if (type === "Action.Execute") {
      // action.data holds the action's data and the values of its associated inputs, but this
      // renderer leaves empty inputs out where Teams sends "" (how a person clears an answer),
      // and reports a typeahead's title where the choice's value is meant.
      const data = { ...(action.data ?? {}) };
      for (const [id, input] of Object.entries(action.getReferencedInputs() ?? {})) {
        data[id] = input.isSet() ? valueOf(input, titles) : "";
      }
      onExecute(action.verb, data);
    } else if (type === "Action.OpenUrl" && action.url) {
      window.open(action.url, "_blank", "noopener");
    }
  };
  card.onInputValueChanged = (input) => {
    if (isDynamicTypeahead(input)) void searchInto(card, input, titles, onSearch);
  };
  try {
    card.parse(json);
    const element = card.render();
    if (!element) throw new Error("empty card");
    annotate(card, titles);
    // What closing the form without saving sends (Escape, « Fermer »): its form_closed action
    // with every input, so the core keeps what was typed. Null for a form that keeps nothing.
    element.closingEvent = () => {
      const closer = card.getAllActions().find((action) => action.getJsonTypeName() === "Action.Execute" && action.verb === "form_closed");
      if (!closer) return null;
      const data = { ...(closer.data ?? {}) };
      for (const input of card.getAllInputs()) if (input.id) data[input.id] = input.isSet() ? valueOf(input, titles) : "";
      return { kind: "action", verb: "form_closed", data };
    };
    return element;
  } catch (error) {
    console.error("card could not be rendered", error, json);
    const fallback = document.createElement("pre");
    fallback.className = "card-fallback";
    fallback.textContent = JSON.stringify(json, null, 2);
    return fallback;
  }
}

/** The label of an input of a card (for the dialog's error summary), or its id. */
export function inputLabel(json, id) {
  let label = id;
  const visit = (node) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== "object") return;
    if (node.id === id && typeof node.label === "string") label = node.label;
    for (const value of Object.values(node)) if (value && typeof value === "object") visit(value);
  };
  visit(json);
  return label;
}
