import type { TCard } from "./card-contract.ts";
import type { TLocale } from "../i18n/translate.ts";
import { cardAction, cardText } from "./card-format.ts";
import { renderTemplate } from "./render-template.ts";

// The words the conversation core understands, in both languages whatever the reader's.
const COMMANDS = ["new", "list", "resume", "language", "help"] as const;

/** What the bot does and the words it understands (French and English), with the two main buttons. */
export function helpCard(locale: TLocale): TCard {
  return renderTemplate("help", {
    title: cardText(locale, "help.title"),
    intro: cardText(locale, "help.intro"),
    wordsTitle: cardText(locale, "help.wordsTitle"),
    commands: COMMANDS.map((command) => ({
      words: cardText(locale, `help.commands.${command}.words`),
      meaning: cardText(locale, `help.commands.${command}.meaning`),
    })),
    actions: [
      cardAction(cardText(locale, "actions.newConvention"), "new_convention", {}, { style: "positive" }),
      cardAction(cardText(locale, "actions.myConventions"), "list_conventions", {}),
    ],
  });
}
