/** What typed text means, in French or English. */
export type TTextCommand =
  | { kind: "new" }
  | { kind: "list" }
  | { kind: "help" }
  /** "reprendre", "resume", optionally with a convention number. */
  | { kind: "resume"; numero: number | null }
  /** Staff: what waits for me. */
  | { kind: "to_validate" }
  /** Staff: find a convention by number or student name. */
  | { kind: "search"; query: string }
  /** The audit trail of a convention (by number, or the thread's). */
  | { kind: "history"; numero: number | null }
  /** "english", "français": the person's language from now on. */
  | { kind: "language"; locale: "fr" | "en" }
  /** Administrators: the notifications that could not be delivered. */
  | { kind: "dead_letters" }
  /** "pause reminders", "reprendre les rappels": one's own reminders and digests. */
  | { kind: "pause_reminders" }
  | { kind: "resume_reminders" }
  /** "réglages des rappels [code]": a centre's reminder settings. */
  | { kind: "reminder_settings"; code: string | null }
  /** Gestionnaires: the students' proposed corrections of shared établissements. */
  | { kind: "proposals" }
  | { kind: "unknown" };

function normalize(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[!.?,;:]+$/u, "")
    .replace(/\s+/gu, " ")
    .trim();
}

const PATTERNS: ReadonlyArray<[RegExp, (match: RegExpMatchArray) => TTextCommand]> = [
  // Before "reprendre [n]": "reprendre les rappels" is about reminders, not a convention.
  [
    /^(?:mettre en )?pause(?:r)?(?: (?:les |mes )?(?:rappels|reminders|relances))?$|^(?:pause|stop|mute) (?:my )?reminders$|^(?:suspendre|arreter) (?:les |mes )?(?:rappels|relances)$/u,
    () => ({ kind: "pause_reminders" }),
  ],
  [
    /^(?:reprendre|reactiver|relancer) (?:les |mes )?(?:rappels|relances)$|^(?:resume|unpause|restart) (?:my )?reminders$/u,
    () => ({ kind: "resume_reminders" }),
  ],
  [
    /^(?:reglages|parametres|reglage) (?:des )?rappels(?: (\S+))?$|^reminder settings(?: (\S+))?$/u,
    (match) => ({ kind: "reminder_settings", code: (match[1] ?? match[2] ?? null)?.toUpperCase() ?? null }),
  ],
  [/^(nouvelle convention|nouvelle|nouveau|creer|creer une convention|new convention|new|create|create a convention)$/u, () => ({ kind: "new" })],
  [/^(mes conventions|ma convention|liste|my conventions|my convention|list|conventions)$/u, () => ({ kind: "list" })],
  // Empty: `/convention` alone.
  [/^(|aide|help|\?|bonjour|salut|hello|hi)$/u, () => ({ kind: "help" })],
  [/^(a valider|valider|conventions a valider|to validate|to approve|pending|todo)$/u, () => ({ kind: "to_validate" })],
  [/^(?:chercher|rechercher|trouver|search|find) (.+)$/u, (match) => ({ kind: "search", query: match[1] ?? "" })],
  [/^(?:historique|history)(?: (?:n ?o? ?|no |#)?(\d+))?$/u, (match) => ({ kind: "history", numero: match[1] ? Number(match[1]) : null })],
  [
    /^(reprendre|continuer|resume|continue)(?: (?:la )?(?:convention )?(?:n ?o? ?|no |#)?(\d+))?$/u,
    (match) => ({ kind: "resume", numero: match[2] ? Number(match[2]) : null }),
  ],
  [
    /^(notifications? en echec|echecs? d'?envoi|envois? en echec|lettres? mortes?|dead letters?|failed notifications?|undelivered notifications?)$/u,
    () => ({ kind: "dead_letters" }),
  ],
  [
    /^(?:(?:les )?propositions?(?: (?:de modifications?|d'?etablissements?|de corrections?))?|(?:(?:etablissement|host) )?proposals?|(?:proposed|pending) changes)$/u,
    () => ({ kind: "proposals" }),
  ],
  [/^(?:(?:in |en )?(?:english|anglais)|(?:speak|parle[rz]?) (?:english|anglais))$/u, () => ({ kind: "language", locale: "en" })],
  [/^(?:(?:in |en )?(?:francais|french)|(?:speak|parle[rz]?) (?:francais|french))$/u, () => ({ kind: "language", locale: "fr" })],
  // A number alone opens that convention (as `/convention 123` does in Slack).
  [/^(?:convention )?(?:n ?o? ?|no |#)?(\d+)$/u, (match) => ({ kind: "resume", numero: Number(match[1]) })],
];

/** Understands the words of help.txt in French and English ("nouvelle convention", "my conventions", "aide", "reprendre 12"...). */
export function parseTextCommand(text: string): TTextCommand {
  const normalized = normalize(text).replace(/°/gu, "");
  for (const [pattern, command] of PATTERNS) {
    const match = normalized.match(pattern);
    if (match) return command(match);
  }
  return { kind: "unknown" };
}
