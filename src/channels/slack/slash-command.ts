// `/convention <words>` says what the DM would: the words go to the core as typed
// (src/app/conversation/text-commands.ts understands "aide", "nouvelle", "liste", "à valider",
// a convention's number, in French and English; nothing alone is "aide").

/** The slash command's name, as in slack/manifest.yml. */
export const SLASH_COMMAND = "/convention";

/** The text the core receives for `/convention <text>`: the words, spaces collapsed. */
export function slashCommandText(text: string): string {
  return text.trim().replace(/\s+/gu, " ");
}
