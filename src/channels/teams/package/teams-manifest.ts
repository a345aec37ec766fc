import { translate, type TLocale } from "../../../i18n/translate.ts";
import { ACCENT_COLOR } from "./icons.ts";

// The Teams app manifest of Stagebot: a bot in personal scope only (each person's 1:1 chat with
// it), able to send and receive files, with a command menu of the words the core understands
// (src/app/conversation/text-commands.ts). Pinned to schema 1.19: a bot-only app needs nothing
// newer (notes/teams.md). French is the default language, English a localisation file; in 1.19
// bot commands are not localisable, so the menu shows the French words (the core understands the
// English ones too when typed).

export const TEAMS_MANIFEST_VERSION = "1.19";
export const TEAMS_MANIFEST_SCHEMA = `https://developer.microsoft.com/json-schemas/teams/v${TEAMS_MANIFEST_VERSION}/MicrosoftTeams.schema.json`;
export const TEAMS_LOCALIZATION_SCHEMA = `https://developer.microsoft.com/json-schemas/teams/v${TEAMS_MANIFEST_VERSION}/MicrosoftTeams.Localization.schema.json`;

/** Teams' length limits of the fields we fill (manifest schema 1.19). */
export const TEAMS_MANIFEST_LIMITS = {
  nameShort: 30,
  nameFull: 100,
  descriptionShort: 80,
  descriptionFull: 4000,
  developerName: 32,
  commandTitle: 32,
  commandDescription: 128,
  commands: 10,
} as const;

/** The commands of the menu, in its order: keys of `teams:package.commands`. */
export const TEAMS_COMMANDS = ["new", "list", "resume", "to_validate", "search", "history", "help"] as const;

/** The file names inside the package. */
export const TEAMS_PACKAGE_FILES = { manifest: "manifest.json", color: "color.png", outline: "outline.png", english: "en-us.json" } as const;

/** What the manifest is made of, already checked (see teamsPackageProblems). */
export interface TTeamsManifestInput {
  appId: string;
  version: string;
  universityName: string;
  developerName: string;
  websiteUrl: string;
  privacyUrl: string;
  termsOfUseUrl: string;
  /** The host the app's links point to (PUBLIC_BASE_URL's). */
  validDomain: string;
}

function texts(locale: TLocale, universityName: string) {
  const t = (key: string) => translate(locale, `teams:package.${key}`, { university: universityName });
  return { nameShort: t("nameShort"), nameFull: t("nameFull"), descriptionShort: t("descriptionShort"), descriptionFull: t("descriptionFull") };
}

/** The command menu in one language: title (the words sent when picked) and description. */
export function teamsCommands(locale: TLocale): { title: string; description: string }[] {
  return TEAMS_COMMANDS.map((command) => ({
    title: translate(locale, `teams:package.commands.${command}.title`),
    description: translate(locale, `teams:package.commands.${command}.description`),
  }));
}

/** manifest.json, as an object. */
export function teamsManifest(input: TTeamsManifestInput): Record<string, unknown> {
  const fr = texts("fr", input.universityName);
  return {
    $schema: TEAMS_MANIFEST_SCHEMA,
    manifestVersion: TEAMS_MANIFEST_VERSION,
    version: input.version,
    id: input.appId,
    developer: { name: input.developerName, websiteUrl: input.websiteUrl, privacyUrl: input.privacyUrl, termsOfUseUrl: input.termsOfUseUrl },
    name: { short: fr.nameShort, full: fr.nameFull },
    description: { short: fr.descriptionShort, full: fr.descriptionFull },
    icons: { color: TEAMS_PACKAGE_FILES.color, outline: TEAMS_PACKAGE_FILES.outline },
    accentColor: ACCENT_COLOR,
    localizationInfo: { defaultLanguageTag: "fr-fr", additionalLanguages: [{ languageTag: "en-us", file: TEAMS_PACKAGE_FILES.english }] },
    bots: [
      {
        botId: input.appId,
        scopes: ["personal"],
        supportsFiles: true,
        isNotificationOnly: false,
        commandLists: [{ scopes: ["personal"], commands: teamsCommands("fr") }],
      },
    ],
    validDomains: [input.validDomain],
  };
}

/** en-us.json: the English names and descriptions. */
export function teamsEnglishLocalization(input: Pick<TTeamsManifestInput, "universityName">): Record<string, string> {
  const en = texts("en", input.universityName);
  return {
    $schema: TEAMS_LOCALIZATION_SCHEMA,
    "name.short": en.nameShort,
    "name.full": en.nameFull,
    "description.short": en.descriptionShort,
    "description.full": en.descriptionFull,
  };
}
