import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseSectionDraft, SECTION_IDS, SECTIONS } from "../../../src/domain/sections/index.ts";

const sectionId = fc.constantFrom(...SECTION_IDS);

// Values shaped like what forms send, so that valid drafts are generated too, not only garbage.
const plausibleValue = fc.oneof(
  fc.constant(null),
  fc.constant(""),
  fc.boolean(),
  fc.integer({ min: -5, max: 3_000 }),
  fc.double({ noNaN: false }),
  fc.constantFrom("2026-03-02", "2026-06-26", "2025-02-30", " FR ", "NET", "HEURE", "EUR", "a@b.fr", "+33 6 12 34 56 78"),
  fc.string({ maxLength: 20 }),
  fc.array(fc.record({ dateDebut: fc.constantFrom("2026-03-02", "2026-04-01", "x"), dateFin: fc.constantFrom("2026-03-05", "2026-04-01") }), { maxLength: 3 }),
);

const draftLike = sectionId.chain((id) =>
  fc.tuple(fc.constant(id), fc.dictionary(fc.constantFrom(...SECTIONS[id].fields, "extra"), plausibleValue, { maxKeys: 8 })),
);

describe("parseSectionDraft properties", () => {
  it("never throws, whatever the input", () => {
    fc.assert(
      fc.property(sectionId, fc.anything({ withBigInt: true, withDate: true, withMap: true, withNullPrototype: true }), (id, input) => {
        const result = parseSectionDraft(id, input);
        expect(typeof result.ok).toBe("boolean");
        if (!result.ok) expect(result.errors.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });

  it("a valid draft re-parses to itself", () => {
    fc.assert(
      fc.property(draftLike, ([id, input]) => {
        const first = parseSectionDraft(id, input);
        if (!first.ok) return;
        expect(parseSectionDraft(id, first.value)).toEqual(first);
      }),
      { numRuns: 1_000 },
    );
  });

  it("generates valid drafts often enough to test something", () => {
    const samples = fc.sample(draftLike, { numRuns: 500, seed: 42 });
    const valid = samples.filter(([id, input]) => parseSectionDraft(id, input).ok).length;
    expect(valid).toBeGreaterThan(25);
  });
});
