import { createRequire } from "node:module";
import fc from "fast-check";
import markdownit from "markdown-it";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TCard } from "../../../src/app/conversation/effects.ts";
import { avenantApprovalCard } from "../../../src/cards/avenant-approval-card.ts";
import { escapeCardMarkdown, unescapeCardMarkdown } from "../../../src/cards/card-markdown.ts";
import { approvalCard, historyCard, progressCard, recapCard, staffListCard } from "../../../src/cards/index.ts";
import { cardMarkdownToHtml } from "../../../src/channels/web/public/card-markdown.js";
import { completeConventionValues } from "../domain/fixtures.ts";
import { approvalView, HEADER, progressView, recapView } from "./card-fixtures.ts";

// Text a person typed must read as typed on every card, never as a link or formatting: checked on
// the cards' JSON through the official renderer's own markdown path (AdaptiveCard.applyMarkdown,
// with markdown-it as the renderer uses it when a page provides it: CommonMark, as Teams) and
// through the playground's processor.

/** Values typed by a student, a tuteur or a gestionnaire, as an attacker would. */
const HOSTILE = [
  "[Valider ici](//evil.example)",
  "**gras**",
  "<https://evil.example|clic>",
  "<!channel>",
  "![image](https://evil.example/x.png) _penché_ ~~barré~~ `code`",
  "AT&amp;T \\[x\\](y) 1) 2.",
  "# Titre\n- liste\n+ plus\n1. un\n> cité\n===",
] as const;

type TMarkdownResult = { didProcess: boolean; outputHtml?: string };
type TRenderer = {
  AdaptiveCard: { applyMarkdown(text: string): TMarkdownResult; onProcessMarkdown?: (text: string, result: TMarkdownResult) => void };
};

// The renderer's bundle, the one the playground serves; it looks for window.markdownit when it renders.
const renderer = createRequire(import.meta.url)("adaptivecards/dist/adaptivecards.min.js") as TRenderer;
const scope = globalThis as { window?: unknown };

beforeAll(() => {
  scope.window = { markdownit };
});
afterAll(() => {
  delete scope.window;
});

function viaRenderer(text: string): string {
  const result = renderer.AdaptiveCard.applyMarkdown(text);
  expect(result.didProcess).toBe(true);
  return result.outputHtml ?? "";
}

function viaPlayground(text: string): string {
  renderer.AdaptiveCard.onProcessMarkdown = (markdown, result) => {
    result.outputHtml = cardMarkdownToHtml(markdown);
    result.didProcess = true;
  };
  try {
    return viaRenderer(text);
  } finally {
    delete renderer.AdaptiveCard.onProcessMarkdown;
  }
}

const ENTITIES: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" };

/** What a reader sees of an HTML fragment: its text, line breaks as spaces. */
function shownText(html: string): string {
  return html
    .replace(/<br>|\n/g, " ")
    .replace(/<\/?p>/g, "")
    .replace(/&(#\d+|amp|lt|gt|quot);/g, (entity, name: string) => ENTITIES[name] ?? String.fromCharCode(Number(name.slice(1))))
    .replace(/\s+/g, " ")
    .trim();
}

const asShown = (text: string): string => text.replace(/\s+/g, " ").trim();

type TNode = Record<string, unknown>;
const isNode = (value: unknown): value is TNode => typeof value === "object" && value !== null && !Array.isArray(value);

/** Every text of a card that a renderer reads as markdown, as it is in the card's JSON. */
function markdownTexts(card: TCard): string[] {
  const texts: string[] = [];
  const visit = (node: TNode): void => {
    if (node["type"] === "TextBlock" && typeof node["text"] === "string") texts.push(node["text"]);
    for (const fact of Array.isArray(node["facts"]) ? node["facts"].filter(isNode) : []) {
      for (const key of ["title", "value"]) if (typeof fact[key] === "string") texts.push(fact[key]);
    }
    for (const key of ["items", "columns", "actions"]) {
      const children = node[key];
      if (Array.isArray(children)) children.filter(isNode).forEach(visit);
    }
  };
  card.body.filter(isNode).forEach(visit);
  return texts.filter((text) => text.trim() !== "");
}

const DECIDED_AT = new Date("2026-11-28T13:05:00Z");

// Every card where text typed by a person lands, with that text everywhere it can be.
function staffCards(value: string): Array<[string, TCard]> {
  const decided = { decision: "REFUSED" as const, deciderName: value, decidedAt: DECIDED_AT, reason: value };
  const names = { studentName: value, etablissementName: value, serviceName: value, tuteurName: value, formation: value, sujet: value };
  const header = { ...HEADER, studentName: value, etablissementName: value };
  return [
    ["approval for the référent", approvalCard("fr", approvalView(names))],
    ["approval for a gestionnaire", approvalCard("en", approvalView({ ...names, step: "VERIFICATION_ADMINISTRATIVE" }))],
    ["approval refused", approvalCard("fr", approvalView({ ...names, decided, canDecide: false }))],
    ["recap", recapCard("fr", recapView({ header, values: completeConventionValues({ sujet: value, fonctionsTaches: value, competences: value }) }))],
    ["progress", progressCard("fr", progressView(header))],
    [
      "history",
      historyCard("fr", {
        header,
        omitted: 0,
        entries: [
          { at: DECIDED_AT, actorName: value, action: "step.refused", section: null, step: "PEDAGOGIQUE", reason: value, changes: [] },
          {
            at: DECIDED_AT,
            actorName: value,
            action: "section.saved",
            section: "stage",
            step: null,
            reason: null,
            changes: [{ field: "sujet", before: value, after: `${value}!` }],
          },
        ],
      }),
    ],
    [
      "staff list",
      staffListCard("fr", {
        kind: "search",
        query: value,
        groups: [
          {
            step: null,
            items: [
              {
                conventionId: 1,
                numero: 51900,
                studentName: value,
                formation: value,
                etablissementName: value,
                dateDebut: null,
                step: null,
                state: "SUBMITTED",
                waitingDays: 3,
              },
            ],
          },
        ],
      }),
    ],
    [
      "avenant approval",
      avenantApprovalCard("fr", {
        conventionId: 1,
        numero: 51900,
        avenantId: 2,
        avenantNumero: 1,
        studentName: value,
        etablissementName: value,
        motifs: [value],
        motifAutre: value,
        comment: value,
        requestedBy: value,
        requestedAt: DECIDED_AT,
        confidential: false,
        warnings: [],
        decided: null,
        canDecide: true,
        changes: [{ field: "sujet", before: value, after: value, beforeLabel: null, afterLabel: null }],
      }),
    ],
  ];
}

const CASES = HOSTILE.flatMap((value) => staffCards(value).map(([name, card]) => ({ name, value, card })));

describe("text typed by a person on a card", () => {
  it.each(CASES)("$name: $value is no markup for the Adaptive Cards renderer (markdown-it)", ({ value, card }) => {
    const shown: string[] = [];
    for (const text of markdownTexts(card)) {
      const html = viaRenderer(text);
      // Paragraphs and line breaks only: no link, image, emphasis, code, heading, list or quote.
      expect(html.replace(/<\/?p>|<br>/g, ""), text).not.toMatch(/<[a-z]/i);
      expect(shownText(html)).toBe(asShown(unescapeCardMarkdown(text)));
      shown.push(shownText(html));
    }
    expect(shown.join(" | ")).toContain(asShown(value));
  });

  it.each(CASES)("$name: $value is no markup in the playground", ({ value, card }) => {
    const shown: string[] = [];
    for (const text of markdownTexts(card)) {
      const html = viaPlayground(text);
      expect(html.replace(/<br>/g, ""), text).not.toMatch(/<[a-z]/i);
      expect(shownText(html)).toBe(asShown(unescapeCardMarkdown(text)));
      shown.push(shownText(html));
    }
    expect(shown.join(" | ")).toContain(asShown(value));
  });

  it("keeps the card's own words as they are written: only markdown characters are escaped", () => {
    const card = approvalCard("fr", approvalView());
    expect(JSON.stringify(card)).toContain("Développement d'un assistant conversationnel pour les conventions de stage");
    expect(markdownTexts(card)).toEqual(expect.arrayContaining(["Léa Martin", "Calanques Numériques", "Thomas Nguyen"]));
  });
});

describe("escapeCardMarkdown", () => {
  it.each([
    ["[Valider ici](//evil.example)", "\\[Valider ici\\]\\(//evil.example\\)"],
    ["**gras** _x_ ~y~ `z`", "\\*\\*gras\\*\\* \\_x\\_ \\~y\\~ \\`z\\`"],
    ["<!channel> & |", "\\<!channel\\> \\& \\|"],
    ["# a\n - b\n+ c\n12. d\n=", "\\# a\n \\- b\n\\+ c\n12\\. d\n\\="],
    ["a\\b", "a\\\\b"],
    ["Léa Martin, 02/03/2026 - 4,50 €.", "Léa Martin, 02/03/2026 - 4,50 €."],
  ])("%j → %j", (text, escaped) => {
    expect(escapeCardMarkdown(text)).toBe(escaped);
    expect(unescapeCardMarkdown(escaped)).toBe(text);
  });

  it("shows any text exactly as written through CommonMark, and unescapes back to it", () => {
    const alphabet = fc.constantFrom(..."[]()*_~`<>!#-+=|&\\.:/;1aé ".split(""), "https://", "&amp;", "&#91;", "\n");
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 40 }).map((parts) => parts.join("")),
        (text) => {
          const escaped = escapeCardMarkdown(text);
          expect(unescapeCardMarkdown(escaped)).toBe(text);
          // Leading indentation would be a code block (monospace, still text): lines start with a letter.
          const lines = text
            .split("\n")
            .map((line) => `a${line}`)
            .join("\n");
          const html = markdownit().render(escapeCardMarkdown(lines));
          expect(html.replace(/<\/?p>|<br>/g, "")).not.toMatch(/<[a-z]/i);
          expect(shownText(html)).toBe(asShown(lines));
        },
      ),
      { numRuns: 500 },
    );
  });
});
