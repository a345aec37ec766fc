import { describe, expect, it } from "vitest";
import type { TCard } from "../../../src/app/conversation/effects.ts";
import { approvalCard, historyCard, sectionFormCard } from "../../../src/cards/index.ts";
import { cardToMessage, cardToModal } from "../../../src/channels/slack/block-kit/index.ts";
import { approvalView, HEADER, sectionFormView } from "../cards/card-fixtures.ts";

// Text a person typed, on the cards staff receive, translated to Slack: never a link, a mention
// or a broadcast, and read as typed (the cards' Adaptive Card escapes do not show).

const HOSTILE = [
  "[Valider ici](//evil.example)",
  "**gras**",
  "<https://evil.example|clic>",
  "<!channel>",
  "<@U0123> <#C0123|général> & 1. un\n- deux \\ fin",
] as const;

const DECIDED_AT = new Date("2026-11-28T13:05:00Z");

/** Every text object of a Slack payload, in order. */
function textsOf(payload: unknown): Array<{ type: "mrkdwn" | "plain_text"; text: string }> {
  const texts: Array<{ type: "mrkdwn" | "plain_text"; text: string }> = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (typeof value !== "object" || value === null) return;
    const node = value as Record<string, unknown>;
    const type = node["type"];
    if ((type === "mrkdwn" || type === "plain_text") && typeof node["text"] === "string") texts.push({ type, text: node["text"] });
    Object.values(node).forEach(visit);
  };
  visit(payload);
  return texts;
}

// Links (<http…|…>), mentions (<@U…>, <#C…>) and broadcasts (<!channel>) all start with "<".
function expectInert(texts: ReadonlyArray<{ type: string; text: string }>): void {
  for (const { type, text } of texts) if (type === "mrkdwn") expect(text).not.toContain("<");
}

// Every text the card carries shows as the person typed it: no Adaptive Card escape shows.
function expectAsTyped(texts: ReadonlyArray<{ type: string; text: string }>, value: string): void {
  const slack = texts.map(({ type, text }) => (type === "mrkdwn" ? shown(text) : text)).join("\n");
  expect(slack).toContain(value);
  expect(slack).not.toMatch(/\\[[\]()*_<>#!&|~`-]/);
}

/** What Slack shows of a mrkdwn text, formatting aside: its three entities decoded. */
const shown = (mrkdwn: string): string => mrkdwn.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

function messages(value: string): Array<[string, TCard]> {
  const names = { studentName: value, etablissementName: value, serviceName: value, tuteurName: value, sujet: value };
  return [
    ["approval for the référent", approvalCard("fr", approvalView(names))],
    ["approval for a gestionnaire", approvalCard("fr", approvalView({ ...names, step: "VERIFICATION_ADMINISTRATIVE" }))],
    [
      "approval refused",
      approvalCard(
        "fr",
        approvalView({ ...names, canDecide: false, decided: { decision: "REFUSED", deciderName: value, decidedAt: DECIDED_AT, reason: value } }),
      ),
    ],
    [
      "history",
      historyCard("fr", {
        header: { ...HEADER, studentName: value },
        omitted: 0,
        entries: [{ at: DECIDED_AT, actorName: value, action: "step.refused", section: null, step: "PEDAGOGIQUE", reason: value, changes: [] }],
      }),
    ],
  ];
}

const CASES = HOSTILE.flatMap((value) => messages(value).map(([name, card]) => ({ name, value, card })));

describe("text typed by a person, in Slack", () => {
  it.each(CASES)("$name: $value links, mentions and notifies no one, and reads as typed", ({ value, card }) => {
    const message = cardToMessage(card, { locale: "fr" });
    const texts = [{ type: "mrkdwn", text: message.text }, ...textsOf(message.blocks)];
    expectInert(texts);
    expectAsTyped(texts, value);
  });

  it.each(HOSTILE)("a form's modal shows %j as typed", (value) => {
    const card = sectionFormCard("fr", sectionFormView("stage", { header: { ...HEADER, studentName: value } }));
    const modal = cardToModal(card, { locale: "fr", callbackId: "stagebot_form", privateMetadata: "C0123/1700000000.000100" });
    const texts = textsOf(modal.blocks);
    expectInert(texts);
    expectAsTyped(texts, value);
  });
});
