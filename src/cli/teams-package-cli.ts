// `npm run teams:package -- [--out FILE.zip] [--version X.Y.Z] [--developer-name NAME]
// [--website-url URL] [--privacy-url URL] [--terms-url URL] [--lang en]`: writes the Teams app
// package from the configuration (TEAMS_APP_ID, PUBLIC_BASE_URL, UNIVERSITY_NAME). Offline.
// Exit codes: 0 written, 1 configuration or arguments refused.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { ConfigError, loadConfig } from "../config.ts";
import { toLocale, translate } from "../i18n/translate.ts";
import { buildTeamsPackage, resolveTeamsPackage } from "../channels/teams/package/build-teams-package.ts";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

function packageVersion(): string {
  const parsed: unknown = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  return typeof parsed === "object" && parsed !== null && "version" in parsed ? String(parsed.version) : "0.0.0";
}

const OPTIONS = {
  out: { type: "string" },
  version: { type: "string" },
  "developer-name": { type: "string" },
  "website-url": { type: "string" },
  "privacy-url": { type: "string" },
  "terms-url": { type: "string" },
  lang: { type: "string" },
} as const;

function main(argv: string[]): number {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS });
  } catch {
    console.error(translate(toLocale(undefined), "teams:package.cli.usage"));
    return 1;
  }
  const { values } = parsed;
  const locale = toLocale(values.lang);
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    return 1;
  }
  const resolved = resolveTeamsPackage(
    {
      appId: config.TEAMS_APP_ID,
      publicBaseUrl: config.PUBLIC_BASE_URL,
      universityName: config.UNIVERSITY_NAME,
      version: values.version ?? packageVersion(),
      developerName: values["developer-name"],
      websiteUrl: values["website-url"],
      privacyUrl: values["privacy-url"],
      termsOfUseUrl: values["terms-url"],
    },
    locale,
  );
  if (!resolved.ok) {
    console.error(translate(locale, "teams:package.cli.invalid", { problems: resolved.problems.map((line) => `- ${line}`).join("\n") }));
    return 1;
  }
  const file = values.out ?? join("dist", "stagebot-teams.zip");
  const zip = buildTeamsPackage(resolved.input);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, zip);
  console.log(translate(locale, "teams:package.cli.written", { file, bytes: zip.length }));
  return 0;
}

process.exitCode = main(process.argv.slice(2));
