import { describe, expect, it } from "vitest";
import { fieldErrorsByInput, sectionFormCard } from "../../../src/cards/index.ts";
import type { TFieldError } from "../../../src/domain/sections/index.ts";
import { fieldErrorText } from "../../../src/i18n/field-error-message.ts";
import { inputsOf } from "./card-checks.ts";
import { sectionFormView } from "./card-fixtures.ts";

const ERRORS: TFieldError[] = [
  { field: "dateFin", code: "end_before_start" },
  { field: "interruptions.1.dateDebut", code: "overlap", params: { index: 1 } },
  { field: "irregularPeriods", code: "too_many", params: { max: 50 } },
  { field: "heuresHebdomadaires", code: "too_large", params: { max: 48 } },
  { field: "heuresHebdomadaires", code: "too_many_decimals", params: { max: 2 } },
  { field: "_form", code: "invalid" },
];

describe("fieldErrorsByInput", () => {
  it("maps each error to the id of the input that shows it, with its localised message", () => {
    expect(fieldErrorsByInput("fr", ERRORS)).toEqual({
      dateFin: fieldErrorText("fr", ERRORS[0]!),
      "interruptions.1.dateDebut": fieldErrorText("fr", ERRORS[1]!),
      "irregularPeriods.0.dateDebut": fieldErrorText("fr", ERRORS[2]!),
      heuresHebdomadaires: `${fieldErrorText("fr", ERRORS[3]!)} ${fieldErrorText("fr", ERRORS[4]!)}`,
    });
  });

  it("only names inputs that exist in the form (Slack rejects unknown block ids)", () => {
    const card = sectionFormCard("fr", sectionFormView("stage", { errors: ERRORS }));
    const ids = new Set(inputsOf(card).map((input) => input["id"]));
    for (const id of Object.keys(fieldErrorsByInput("fr", ERRORS))) expect(ids).toContain(id);
  });

  it("speaks the reader's language", () => {
    // Slack shows them under the input, which is labelled already.
    expect(fieldErrorsByInput("en", [ERRORS[0]!])).toEqual({ dateFin: "The end date must be on or after the start date." });
    expect(fieldErrorsByInput("fr", [ERRORS[0]!])["dateFin"]).toBe("La date de fin doit être postérieure ou égale à la date de début.");
  });

  it("does not repeat the label of a host form's input either", () => {
    expect(fieldErrorsByInput("fr", [{ field: "raisonSociale", code: "required" }])).toEqual({
      raisonSociale: "Ce champ est obligatoire.",
    });
  });

  it("gives nothing for no error", () => {
    expect(fieldErrorsByInput("fr", [])).toEqual({});
  });
});
