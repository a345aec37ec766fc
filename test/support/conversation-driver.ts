import { expect } from "vitest";
import type { TConversation } from "../../src/app/ports/conversation.ts";
import type { TCard, TEffect } from "../../src/app/conversation/effects.ts";
import type { TDataset, TInboundEvent } from "../../src/app/conversation/events.ts";

type TJson = Record<string, unknown>;

/** Every Action.Execute of a card, wherever it sits. */
export function executeActions(card: unknown): Array<{ title: string; verb: string; data: TJson }> {
  const found: Array<{ title: string; verb: string; data: TJson }> = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === "object") {
      const record = node as TJson;
      if (record.type === "Action.Execute") {
        found.push({ title: typeof record.title === "string" ? record.title : "", verb: String(record.verb), data: (record.data ?? {}) as TJson });
      }
      Object.values(record).forEach(walk);
    }
  };
  walk(card);
  return found;
}

/** Every text shown by a card (TextBlocks, facts, labels), joined: what a reader sees. */
export function cardText(card: unknown): string {
  const parts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === "object") {
      const record = node as TJson;
      for (const key of ["text", "title", "value", "label"]) if (typeof record[key] === "string") parts.push(record[key]);
      Object.values(record).forEach(walk);
    }
  };
  walk(card);
  return parts.join("\n");
}

/** What a reader sees of a card: its texts with the card's markdown escapes taken out. */
export function shownText(card: unknown): string {
  return cardText(card).replace(/\\(.)/g, "$1");
}

/** Drives the conversation core as one person would, through a channel. */
export function conversationDriver(conversation: TConversation, email: string) {
  const send = (event: TInboundEvent) => conversation.handle({ platform: "WEB", email }, event);
  return {
    send,
    say: (text: string, conventionId: number | null = null) => send({ kind: "message", text, conventionId }),
    act: (verb: TInboundEvent extends infer E ? (E extends { kind: "action"; verb: infer V } ? V : never) : never, data: TJson) =>
      send({ kind: "action", verb, data }),
    search: (dataset: TDataset, text: string, data: TJson = {}) => conversation.search({ platform: "WEB", email }, { dataset, text, data }),
  };
}

/** The one effect of a kind, failing the test when there is none. */
export function effectOf<K extends TEffect["kind"]>(effects: TEffect[], kind: K): Extract<TEffect, { kind: K }> {
  const effect = effects.find((candidate) => candidate.kind === kind);
  expect(effect, `expected a ${kind} effect among ${effects.map((e) => e.kind).join(", ")}`).toBeDefined();
  return effect as Extract<TEffect, { kind: K }>;
}

/** The data a form's submit button sends, with the inputs the person filled (as strings, like a renderer). */
export function submission(form: TCard, verb: string, inputs: Record<string, string>): TJson {
  const action = executeActions(form).find((candidate) => candidate.verb === verb);
  expect(action, `the form has a ${verb} button`).toBeDefined();
  return { ...(action?.data ?? {}), ...inputs };
}

/** The input of a form card with this id. */
export function inputOf(card: unknown, id: string): TJson | undefined {
  let found: TJson | undefined;
  const walk = (node: unknown): void => {
    if (found) return;
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === "object") {
      const record = node as TJson;
      if (typeof record.type === "string" && record.type.startsWith("Input.") && record.id === id) found = record;
      else Object.values(record).forEach(walk);
    }
  };
  walk(card);
  return found;
}

/** The value of the choice of `inputId` whose title contains `title` (case-insensitive). */
export function choiceValue(card: unknown, inputId: string, title: string): string {
  const input = inputOf(card, inputId);
  const choices = (input?.choices ?? []) as Array<{ title: string; value: string }>;
  const choice = choices.find((candidate) => candidate.title.toLowerCase().includes(title.toLowerCase()));
  expect(choice, `a choice "${title}" in ${inputId} among ${choices.length}`).toBeDefined();
  return choice?.value ?? "";
}
