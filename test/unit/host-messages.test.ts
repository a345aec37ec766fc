import { describe, expect, it } from "vitest";
import { ZContactInput } from "../../src/app/hosts/create-contact.ts";
import { ZServiceInput } from "../../src/app/hosts/create-service.ts";
import { ETABLISSEMENT_FIELDS } from "../../src/app/ports/hosts.ts";
import { hostFieldErrorMessage, hostFieldLabel } from "../../src/i18n/host-field-label.ts";
import { hasTranslation, LOCALES } from "../../src/i18n/translate.ts";

describe("host form messages", () => {
  const fields = [...ETABLISSEMENT_FIELDS, ...Object.keys(ZServiceInput.shape), ...Object.keys(ZContactInput.shape)];

  it.each(LOCALES.flatMap((locale) => fields.map((field) => [locale, field] as const)))("%s labels %s", (locale, field) => {
    expect(hasTranslation(locale, `domain:hostFields.${field}`)).toBe(true);
  });

  it("names the field in its own words", () => {
    expect(hostFieldLabel("en", "raisonSociale")).toBe("Company name");
    expect(hostFieldErrorMessage("en", { field: "postalCode", code: "invalid_postal_code" })).toBe("“Postal code”: a French postal code has 5 digits.");
    expect(hostFieldErrorMessage("fr", { field: "_form", code: "no_change" })).toBe("« Formulaire » : aucune modification n'a été saisie.");
  });
});
