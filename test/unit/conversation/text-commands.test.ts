import { describe, expect, it } from "vitest";
import { parseTextCommand } from "../../../src/app/conversation/text-commands.ts";

describe("typed words, in French and English", () => {
  it.each([
    ["nouvelle convention", { kind: "new" }],
    ["Nouvelle Convention !", { kind: "new" }],
    ["new convention", { kind: "new" }],
    ["mes conventions", { kind: "list" }],
    ["My conventions", { kind: "list" }],
    ["aide", { kind: "help" }],
    ["HELP", { kind: "help" }],
    ["reprendre", { kind: "resume", numero: null }],
    ["resume", { kind: "resume", numero: null }],
    ["reprendre 12", { kind: "resume", numero: 12 }],
    ["reprendre la convention n° 51928", { kind: "resume", numero: 51928 }],
    ["resume #7", { kind: "resume", numero: 7 }],
    ["51928", { kind: "resume", numero: 51928 }],
    ["créer une convention", { kind: "new" }],
    ["à valider", { kind: "to_validate" }],
    ["To validate", { kind: "to_validate" }],
    ["chercher Martin", { kind: "search", query: "martin" }],
    ["search 51928", { kind: "search", query: "51928" }],
    ["historique 12", { kind: "history", numero: 12 }],
    ["history", { kind: "history", numero: null }],
    ["propositions", { kind: "proposals" }],
    ["Propositions de modification", { kind: "proposals" }],
    ["les propositions d'établissement", { kind: "proposals" }],
    ["Proposals", { kind: "proposals" }],
    ["pending changes", { kind: "proposals" }],
    // What `/convention <words>` used to alias in the Slack adapter: the core understands it now.
    ["", { kind: "help" }],
    ["?", { kind: "help" }],
    ["nouveau", { kind: "new" }],
    ["Créer", { kind: "new" }],
    ["liste", { kind: "list" }],
    ["valider", { kind: "to_validate" }],
    ["todo", { kind: "to_validate" }],
    ["n° 51928", { kind: "resume", numero: 51928 }],
    ["english", { kind: "language", locale: "en" }],
    ["In English", { kind: "language", locale: "en" }],
    ["parlez anglais", { kind: "language", locale: "en" }],
    ["Français", { kind: "language", locale: "fr" }],
    ["en français", { kind: "language", locale: "fr" }],
    ["french", { kind: "language", locale: "fr" }],
  ])("%s", (text, expected) => {
    expect(parseTextCommand(text)).toEqual(expected);
  });

  it.each(["bonjour je voudrais un stage à Lyon", "supprimer tout", "nouvelle conventions de stage"])("%j is not a command", (text) => {
    expect(parseTextCommand(text)).toEqual({ kind: "unknown" });
  });
});
