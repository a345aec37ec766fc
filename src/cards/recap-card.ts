import type { TCard } from "./card-contract.ts";
import { SECTION_IDS, type TSectionId } from "../domain/sections/index.ts";
import { fieldLabel } from "../i18n/field-error-message.ts";
import { translate, type TLocale } from "../i18n/translate.ts";
import { cardAction, cardText, conventionTitle, headerFacts, joinLabels, type TCardAction, type TFact, type TNotice } from "./card-format.ts";
import { displayValue } from "./display-value.ts";
import { renderTemplate } from "./render-template.ts";
import { FORM_FIELDS, SECTION_LAYOUT, type TFieldGroup } from "./section-form-fields.ts";
import type { TRecapView } from "./views.ts";
import { ruleNotice } from "./workflow-format.ts";

type TBlock = { heading: string; level: "section" | "group"; facts: TFact[]; texts: Array<{ label: string; text: string }> };

// Slack allows 3000 characters per text; the PDF, not the recap, carries the full texts.
const MAX_TEXT = 2000;

function clip(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}

function groupBlock(locale: TLocale, view: TRecapView, sectionId: TSectionId, group: TFieldGroup, heading: TBlock["heading"]): TBlock {
  const missing = new Set(view.completion.sections[sectionId].missing);
  const values: Readonly<Record<string, unknown>> = view.values;
  const block: TBlock = { heading, level: group.key === null ? "section" : "group", facts: [], texts: [] };
  for (const field of group.fields) {
    const spec = FORM_FIELDS[field];
    const shown = displayValue(locale, field, spec, values[field], { labels: view.labels });
    const label = fieldLabel(locale, field);
    if (shown === null) {
      if (missing.has(field)) block.facts.push({ title: label, value: cardText(locale, "common.toFill") });
    } else if (spec.kind === "text" && spec.multiline) block.texts.push({ label, text: clip(shown) });
    else block.facts.push({ title: label, value: shown });
  }
  return block;
}

function sectionBlocks(locale: TLocale, view: TRecapView, sectionId: TSectionId, index: number): TBlock[] {
  const title = cardText(locale, "progress.sectionTitle", { number: index + 1, section: translate(locale, `domain:sections.${sectionId}`) });
  const layout = SECTION_LAYOUT[sectionId];
  const single = layout.length === 1 && layout[0]?.key === null;
  if (single && layout[0]) return [groupBlock(locale, view, sectionId, layout[0], title)];
  const groups = layout.map((group) => groupBlock(locale, view, sectionId, group, cardText(locale, `groups.${group.key}.title`)));
  return [{ heading: title, level: "section", facts: [], texts: [] }, ...groups.filter((b) => b.facts.length + b.texts.length > 0)];
}

// Either the button, or every reason why not.
function conclusion(locale: TLocale, view: TRecapView): { conclusion: TNotice[]; actions: TCardAction[] } {
  const { rights, completion, header } = view;
  if (!rights.canSubmit) {
    const state = translate(locale, `domain:states.${header.state}`);
    // A validated convention changes only by avenant: offered to whoever may request one.
    const avenant =
      rights.canRequestAvenant === true
        ? [cardAction(cardText(locale, "actions.requestAvenant"), "open_avenant_request", { conventionId: header.conventionId })]
        : [];
    return { conclusion: [{ text: cardText(locale, "recap.blocked.rights", { state }), color: "Default" }], actions: avenant };
  }
  const blocked: TNotice[] = [];
  if (!completion.complete) {
    const incomplete = SECTION_IDS.filter((id) => completion.sections[id].state !== "complete");
    const sections = joinLabels(
      locale,
      incomplete.map((id) => translate(locale, `domain:sections.${id}`)),
    );
    blocked.push({ text: cardText(locale, "recap.blocked.incomplete", { sections }), color: "Warning" });
  }
  if (view.rules.some((result) => result.severity === "error")) {
    blocked.push({ text: cardText(locale, "recap.blocked.errors"), color: "Attention" });
  }
  if (blocked.length > 0) return { conclusion: blocked, actions: [] };
  const data = { conventionId: header.conventionId, version: header.version };
  const submit = cardAction(cardText(locale, "actions.submit"), "submit_convention", data, { style: "positive" });
  return { conclusion: [{ text: cardText(locale, "recap.submitIntro"), color: "Default" }], actions: [submit] };
}

/** Everything at a glance by section, the legal checks, then "Valider la convention" or what blocks it. */
export function recapCard(locale: TLocale, view: TRecapView): TCard {
  return renderTemplate("recap", {
    title: translate(locale, "domain:sections.recapitulatif"),
    subtitle: conventionTitle(locale, view.header),
    facts: headerFacts(locale, view.header),
    confidential: view.values.confidentiel === true ? cardText(locale, "recap.confidential") : "",
    blocks: SECTION_IDS.flatMap((sectionId, index) => sectionBlocks(locale, view, sectionId, index)),
    rulesTitle: cardText(locale, "recap.rulesTitle"),
    rules: view.rules.length > 0 ? view.rules.map((result) => ruleNotice(locale, result)) : [{ text: cardText(locale, "recap.noRules"), color: "Default" }],
    ...conclusion(locale, view),
  });
}
