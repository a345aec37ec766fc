import { describe, expect, it } from "vitest";
import type { TCard } from "../../../src/app/conversation/effects.ts";
import { LOCALES, type TLocale } from "../../../src/i18n/translate.ts";
import { blockCount, expectValidCard, visibleStrings } from "./card-checks.ts";

/** A card to check, built in either language; forms may hold 100 blocks (a modal), messages 50. */
export type TCardCase = { name: string; build: (locale: TLocale) => TCard; form?: boolean };

/**
 * The checks every card gets: valid and fully expanded, within Slack's limits, its words from
 * the locales (French and English differ except for fixture data and language-neutral text),
 * no untranslated key or leftover interpolation.
 */
export function describeCards(cases: readonly TCardCase[], exempt: { data: ReadonlySet<string>; languageNeutral: RegExp }): void {
  describe.each(cases)("$name card", ({ build, form }) => {
    it.each(LOCALES)("is a valid, fully expanded Adaptive Card 1.5 in %s", (locale) => {
      expectValidCard(build(locale));
    });

    it.each(LOCALES)("fits Slack's limits in %s (blocks per message or modal, 3000 characters per text)", (locale) => {
      const card = build(locale);
      expect(blockCount(card)).toBeLessThanOrEqual(form ? 100 : 50);
      for (const text of visibleStrings(card)) expect(text.length).toBeLessThanOrEqual(3000);
    });

    it("takes its words from the locales: French and English differ wherever the text is not data", () => {
      const french = visibleStrings(build("fr"));
      const english = visibleStrings(build("en"));
      expect(french.length).toBe(english.length);
      const same = french.filter((text, index) => text === english[index] && !exempt.data.has(text) && !exempt.languageNeutral.test(text));
      expect(same).toEqual([]);
    });

    it.each(LOCALES)("shows no untranslated key in %s", (locale) => {
      for (const text of visibleStrings(build(locale))) {
        expect(text).not.toMatch(/^[a-zA-Z]+(\.[a-zA-Z_]+)+$/);
        expect(text).not.toMatch(/\{\{|\}\}/);
      }
    });
  });
}
