import type { TSlackRoles } from "./app-home.ts";

// `/convention <words>` says what the DM would: the subcommands map to the words the core
// understands (src/app/conversation/text-commands.ts); anything else is passed on as typed.

/** The slash command's name, as in slack/manifest.yml. */
export const SLASH_COMMAND = "/convention";

const ALIASES: ReadonlyArray<[RegExp, string]> = [
  [/^(|help|aide|\?)$/u, "aide"],
  [/^(new|nouvelle|nouveau|creer|créer|nouvelle convention)$/u, "nouvelle convention"],
  [/^(list|liste|mes conventions|conventions)$/u, "mes conventions"],
  [/^(valider|à valider|a valider|todo|pending)$/u, "à valider"],
];

/** The text the core receives for `/convention <text>`; a number opens that convention (staff find it by number). */
export function slashCommandText(text: string, roles: TSlackRoles): string {
  const words = text.trim().replace(/\s+/gu, " ");
  const lower = words.toLowerCase();
  for (const [pattern, command] of ALIASES) if (pattern.test(lower)) return command;
  const numero = /^(?:n°|no|#)?\s*(\d{1,9})$/u.exec(lower)?.[1];
  if (numero !== undefined) return roles.student ? numero : `chercher ${numero}`;
  return words;
}
