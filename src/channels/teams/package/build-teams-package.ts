import { translate, type TLocale } from "../../../i18n/translate.ts";
import { colorIcon, outlineIcon } from "./icons.ts";
import {
  TEAMS_MANIFEST_LIMITS,
  TEAMS_PACKAGE_FILES,
  teamsCommands,
  teamsEnglishLocalization,
  teamsManifest,
  type TTeamsManifestInput,
} from "./teams-manifest.ts";
import { writeZip } from "./zip.ts";

// The app package an admin uploads to Teams: manifest.json, color.png, outline.png and the
// English localisation, at the root of a zip. Built from the configuration, offline.

/** What the package is built from: the configuration plus what only the admin knows. */
export interface TTeamsPackageOptions {
  /** TEAMS_APP_ID: the app's id and its bot's. */
  appId: string | undefined;
  /** PUBLIC_BASE_URL: https, its host becomes the valid domain and the default of the three pages. */
  publicBaseUrl: string | undefined;
  universityName: string;
  /** Default: package.json's version. Teams wants a higher one at each update of the app. */
  version: string;
  /** Default: the university's name. */
  developerName?: string;
  websiteUrl?: string;
  privacyUrl?: string;
  termsOfUseUrl?: string;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VERSION = /^\d{1,9}\.\d{1,9}\.\d{1,9}$/;

function isHttps(url: string | undefined): boolean {
  if (url === undefined) return false;
  try {
    return new URL(url).protocol === "https:";
  } catch {
    return false;
  }
}

/** The manifest's input when the options are good, else each problem in words. */
export function resolveTeamsPackage(
  options: TTeamsPackageOptions,
  locale: TLocale,
): { ok: true; input: TTeamsManifestInput } | { ok: false; problems: string[] } {
  const t = (key: string, params: Record<string, unknown> = {}) => translate(locale, `teams:package.cli.${key}`, params);
  const problems: string[] = [];
  if (options.appId === undefined) problems.push(t("appIdMissing"));
  else if (!GUID.test(options.appId)) problems.push(t("appIdNotGuid"));
  if (options.publicBaseUrl === undefined) problems.push(t("baseUrlMissing"));
  else if (!isHttps(options.publicBaseUrl)) problems.push(t("notHttps", { name: "PUBLIC_BASE_URL" }));
  const pages = { "--website-url": options.websiteUrl, "--privacy-url": options.privacyUrl, "--terms-url": options.termsOfUseUrl };
  for (const [name, url] of Object.entries(pages)) if (url !== undefined && !isHttps(url)) problems.push(t("notHttps", { name }));
  if (!VERSION.test(options.version)) problems.push(t("badVersion"));
  const developerName = options.developerName ?? options.universityName;
  if (developerName.length > TEAMS_MANIFEST_LIMITS.developerName)
    problems.push(
      t("tooLong", { name: options.developerName === undefined ? "UNIVERSITY_NAME" : "--developer-name", max: TEAMS_MANIFEST_LIMITS.developerName }),
    );
  if (problems.length > 0 || options.appId === undefined || options.publicBaseUrl === undefined) return { ok: false, problems };
  const base = new URL(options.publicBaseUrl);
  const home = base.href;
  return {
    ok: true,
    input: {
      appId: options.appId.toLowerCase(),
      version: options.version,
      universityName: options.universityName,
      developerName,
      websiteUrl: options.websiteUrl ?? home,
      privacyUrl: options.privacyUrl ?? home,
      termsOfUseUrl: options.termsOfUseUrl ?? home,
      validDomain: base.hostname,
    },
  };
}

/** The zip's bytes. The texts come from the locales and are checked against Teams' limits here. */
export function buildTeamsPackage(input: TTeamsManifestInput): Buffer {
  const manifest = teamsManifest(input);
  const english = teamsEnglishLocalization(input);
  const fr = manifest as { name: { short: string; full: string }; description: { short: string; full: string } };
  const lengths: [string, number, number][] = [
    [fr.name.short, english["name.short"]?.length ?? 0, TEAMS_MANIFEST_LIMITS.nameShort],
    [fr.name.full, english["name.full"]?.length ?? 0, TEAMS_MANIFEST_LIMITS.nameFull],
    [fr.description.short, english["description.short"]?.length ?? 0, TEAMS_MANIFEST_LIMITS.descriptionShort],
    [fr.description.full, english["description.full"]?.length ?? 0, TEAMS_MANIFEST_LIMITS.descriptionFull],
  ];
  for (const [french, englishLength, max] of lengths) {
    if (french.length > max || englishLength > max) throw new Error(`Teams manifest text over ${max} characters: ${french.slice(0, 40)}…`);
  }
  for (const commands of [teamsCommands("fr"), teamsCommands("en")]) {
    if (commands.length > TEAMS_MANIFEST_LIMITS.commands) throw new Error(`Teams allows ${TEAMS_MANIFEST_LIMITS.commands} commands, not ${commands.length}`);
    for (const command of commands) {
      if (command.title.length > TEAMS_MANIFEST_LIMITS.commandTitle || command.description.length > TEAMS_MANIFEST_LIMITS.commandDescription)
        throw new Error(`Teams command too long: ${command.title}`);
    }
  }
  const json = (value: unknown) => Buffer.from(`${JSON.stringify(value, null, 2)}\n`, "utf8");
  return writeZip([
    { name: TEAMS_PACKAGE_FILES.manifest, data: json(manifest) },
    { name: TEAMS_PACKAGE_FILES.color, data: colorIcon() },
    { name: TEAMS_PACKAGE_FILES.outline, data: outlineIcon() },
    { name: TEAMS_PACKAGE_FILES.english, data: json(english) },
  ]);
}
