import { describe, expect, it } from "vitest";
import { etablissementConsistencyErrors, parseSectionDraft, SECTION_IDS, sectionOfField, type TSectionId } from "../../../src/domain/sections/index.ts";

const ID_SECTIONS: [TSectionId, string][] = [
  ["etablissement", "etablissementId"],
  ["service", "serviceId"],
  ["tuteur", "tuteurId"],
  ["enseignant", "enseignantId"],
  ["signataire", "signataireId"],
];

describe("sections holding one chosen id", () => {
  it.each(ID_SECTIONS)("%s accepts its id, null, and nothing", (section, field) => {
    expect(parseSectionDraft(section, { [field]: 42 })).toEqual({ ok: true, value: { [field]: 42 } });
    expect(parseSectionDraft(section, { [field]: null })).toEqual({ ok: true, value: { [field]: null } });
    expect(parseSectionDraft(section, {})).toEqual({ ok: true, value: {} });
  });

  it.each(ID_SECTIONS)("%s rejects a negative, fractional, textual or oversized id", (section, field) => {
    expect(parseSectionDraft(section, { [field]: -1 })).toEqual({
      ok: false,
      errors: [{ field, code: "not_greater_than", params: { min: 0 } }],
    });
    expect(parseSectionDraft(section, { [field]: 1.5 })).toEqual({ ok: false, errors: [{ field, code: "not_integer" }] });
    expect(parseSectionDraft(section, { [field]: "42" })).toMatchObject({ ok: false, errors: [{ field, code: "invalid_type" }] });
    expect(parseSectionDraft(section, { [field]: 2 ** 31 })).toMatchObject({ ok: false, errors: [{ field, code: "too_large" }] });
  });

  it.each(SECTION_IDS.map((id) => [id]))("%s rejects a submission that is not an object", (section) => {
    for (const input of [null, "x", 3, [], undefined]) {
      expect(parseSectionDraft(section, input)).toMatchObject({ ok: false, errors: [{ field: "_form", code: "invalid_type" }] });
    }
  });
});

describe("sectionOfField", () => {
  it.each([
    ["cpamId", "etudiant"],
    ["interruptions.2.dateFin", "stage"],
    ["signataireId", "signataire"],
    ["state", null],
  ])("%s belongs to %s", (field, section) => {
    expect(sectionOfField(field)).toBe(section);
  });
});

describe("service, tuteur and signataire belong to the chosen établissement", () => {
  it.each([
    ["all of the host", { etablissementId: 1, serviceEtablissementId: 1, tuteurEtablissementId: 1, signataireEtablissementId: 1 }, []],
    ["nothing chosen yet", { etablissementId: null, serviceEtablissementId: 2 }, []],
    ["host only", { etablissementId: 1 }, []],
    ["a service of another host", { etablissementId: 1, serviceEtablissementId: 2 }, ["serviceId"]],
    [
      "a tuteur and a signataire of another host",
      {
        etablissementId: 1,
        serviceEtablissementId: 1,
        tuteurEtablissementId: 2,
        signataireEtablissementId: 3,
      },
      ["tuteurId", "signataireId"],
    ],
  ])("%s", (_label, ownership, fields) => {
    expect(etablissementConsistencyErrors(ownership)).toEqual(fields.map((field) => ({ field, code: "other_etablissement" })));
  });
});
