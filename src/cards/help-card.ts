import type { TCard } from "./card-contract.ts";
import type { TLocale } from "../i18n/translate.ts";
import { cardAction, cardText } from "./card-format.ts";
import { renderTemplate } from "./render-template.ts";

/** Who reads the help: a student fills conventions; staff (référents, gestionnaires, admins) follow and decide them. */
export type THelpAudience = "student" | "staff";

// The words the conversation core understands, in both languages whatever the reader's.
const STUDENT_COMMANDS = ["new", "list", "resume", "language", "help"] as const;
const STAFF_COMMANDS = ["toValidate", "search", "history", "proposals"] as const;

function command(locale: TLocale, key: string): { words: string; meaning: string } {
  return { words: cardText(locale, `${key}.words`), meaning: cardText(locale, `${key}.meaning`) };
}

/** What the bot does and the words it understands (French and English), with the reader's main buttons. */
export function helpCard(locale: TLocale, audience: THelpAudience = "student"): TCard {
  if (audience === "staff") {
    return renderTemplate("help", {
      title: cardText(locale, "staffHelp.title"),
      intro: cardText(locale, "staffHelp.intro"),
      wordsTitle: cardText(locale, "help.wordsTitle"),
      commands: [
        ...STAFF_COMMANDS.map((key) => command(locale, `staffHelp.commands.${key}`)),
        command(locale, "help.commands.language"),
        command(locale, "help.commands.help"),
      ],
      actions: [cardAction(cardText(locale, "staffHelp.actionToValidate"), "to_validate", {}, { style: "positive" })],
    });
  }
  return renderTemplate("help", {
    title: cardText(locale, "help.title"),
    intro: cardText(locale, "help.intro"),
    wordsTitle: cardText(locale, "help.wordsTitle"),
    commands: STUDENT_COMMANDS.map((key) => command(locale, `help.commands.${key}`)),
    actions: [
      cardAction(cardText(locale, "actions.newConvention"), "new_convention", {}, { style: "positive" }),
      cardAction(cardText(locale, "actions.myConventions"), "list_conventions", {}),
    ],
  });
}
