import type { TActor } from "../../domain/permissions.ts";
import type { TLocale } from "../../i18n/translate.ts";
import type { TConversationDeps } from "../ports/conversation-deps.ts";

/** One event's context: who acts, in which language, with which dependencies. */
export interface TTurn {
  deps: TConversationDeps;
  actor: TActor;
  locale: TLocale;
}

/** Whom the bot's hints speak to: a student fills conventions, staff follow and decide them. */
export function audienceOf(actor: TActor): "student" | "staff" {
  return actor.studentId !== undefined ? "student" : "staff";
}
