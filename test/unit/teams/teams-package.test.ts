import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseTextCommand, type TTextCommand } from "../../../src/app/conversation/text-commands.ts";
import { buildTeamsPackage, resolveTeamsPackage, type TTeamsPackageOptions } from "../../../src/channels/teams/package/build-teams-package.ts";
import { teamsCommands } from "../../../src/channels/teams/package/teams-manifest.ts";
import { readPng } from "../../support/read-png.ts";
import { readZip } from "../../support/read-zip.ts";

// Issue 12, item 8: the package an admin uploads, read back as Teams would read it.

const APP_ID = "6F1B1D4E-8A7C-4F55-9A53-3C2F1F0E2A11";
const OPTIONS: TTeamsPackageOptions = {
  appId: APP_ID,
  publicBaseUrl: "https://stagebot.univ-demo.fr/app",
  universityName: "Université de démonstration",
  version: "1.2.3",
};

function built(options: TTeamsPackageOptions = OPTIONS): Map<string, Buffer> {
  const resolved = resolveTeamsPackage(options, "fr");
  if (!resolved.ok) throw new Error(resolved.problems.join("\n"));
  return readZip(buildTeamsPackage(resolved.input));
}

function json(files: Map<string, Buffer>, name: string): Record<string, unknown> {
  const file = files.get(name);
  if (file === undefined) throw new Error(`${name} missing`);
  return JSON.parse(file.toString("utf8")) as Record<string, unknown>;
}

describe("the Teams app package", () => {
  it("holds exactly the manifest, the two icons and the English localisation, at its root", () => {
    expect([...built().keys()].sort()).toEqual(["color.png", "en-us.json", "manifest.json", "outline.png"]);
  });

  it("manifest: pinned schema, the bot in personal scope only with files, ids, domains and https pages", () => {
    const manifest = json(built(), "manifest.json");
    expect(manifest).toMatchObject({
      $schema: "https://developer.microsoft.com/json-schemas/teams/v1.19/MicrosoftTeams.schema.json",
      manifestVersion: "1.19",
      version: "1.2.3",
      id: APP_ID.toLowerCase(),
      developer: {
        name: "Université de démonstration",
        websiteUrl: "https://stagebot.univ-demo.fr/app",
        privacyUrl: "https://stagebot.univ-demo.fr/app",
        termsOfUseUrl: "https://stagebot.univ-demo.fr/app",
      },
      name: { short: "Stagebot", full: expect.stringContaining("conventions de stage") },
      description: { short: expect.any(String), full: expect.stringContaining("Université de démonstration") },
      icons: { color: "color.png", outline: "outline.png" },
      accentColor: expect.stringMatching(/^#[0-9A-F]{6}$/i),
      localizationInfo: { defaultLanguageTag: "fr-fr", additionalLanguages: [{ languageTag: "en-us", file: "en-us.json" }] },
      validDomains: ["stagebot.univ-demo.fr"],
    });
    const bots = manifest.bots as Record<string, unknown>[];
    expect(bots).toHaveLength(1);
    expect(bots[0]).toMatchObject({ botId: APP_ID.toLowerCase(), scopes: ["personal"], supportsFiles: true, isNotificationOnly: false });
    expect((bots[0]?.commandLists as { scopes: string[] }[]).map((list) => list.scopes)).toEqual([["personal"]]);
    const name = manifest.name as { short: string; full: string };
    const description = manifest.description as { short: string; full: string };
    expect(name.short.length).toBeLessThanOrEqual(30);
    expect(name.full.length).toBeLessThanOrEqual(100);
    expect(description.short.length).toBeLessThanOrEqual(80);
    expect(description.full.length).toBeLessThanOrEqual(4000);
  });

  it("the English localisation names the same schema version and translates the four texts", () => {
    const english = json(built(), "en-us.json");
    expect(english).toEqual({
      $schema: "https://developer.microsoft.com/json-schemas/teams/v1.19/MicrosoftTeams.Localization.schema.json",
      "name.short": "Stagebot",
      "name.full": expect.stringContaining("internship"),
      "description.short": expect.stringContaining("internship"),
      "description.full": expect.stringContaining("Université de démonstration"),
    });
  });

  const expected: Record<string, TTextCommand["kind"]> = {
    new: "new",
    list: "list",
    resume: "resume",
    to_validate: "to_validate",
    search: "search",
    history: "history",
    help: "help",
  };
  it.each(["fr", "en"] as const)("every command of the menu (%s) is words the core understands", (locale) => {
    const commands = teamsCommands(locale);
    expect(commands.length).toBeLessThanOrEqual(10);
    expect(
      commands.map((command) => parseTextCommand(command.title === "chercher" || command.title === "search" ? `${command.title} Martin` : command.title).kind),
    ).toEqual(Object.values(expected));
    for (const command of commands) {
      expect(command.title.length).toBeLessThanOrEqual(32);
      expect(command.description.length).toBeLessThanOrEqual(128);
    }
  });

  it("the manifest's menu is the French one", () => {
    const bots = json(built(), "manifest.json").bots as { commandLists: { commands: unknown[] }[] }[];
    expect(bots[0]?.commandLists[0]?.commands).toEqual(teamsCommands("fr"));
  });

  it("color.png is 192×192 RGBA, opaque; outline.png is 32×32, white on transparent", () => {
    const files = built();
    const color = readPng(files.get("color.png") ?? Buffer.alloc(0));
    const outline = readPng(files.get("outline.png") ?? Buffer.alloc(0));
    expect([color.width, color.height, outline.width, outline.height]).toEqual([192, 192, 32, 32]);
    expect(color.rgba).not.toBeNull();
    expect(outline.rgba).not.toBeNull();
    const alphas = (rgba: Buffer) => Array.from({ length: rgba.length / 4 }, (_, index) => rgba[index * 4 + 3] ?? -1);
    expect(new Set(alphas(color.rgba ?? Buffer.alloc(0)))).toEqual(new Set([255]));
    const pixels = outline.rgba ?? Buffer.alloc(0);
    const outlineAlphas = alphas(pixels);
    expect(outlineAlphas[0]).toBe(0); // a corner
    expect(outlineAlphas.filter((alpha) => alpha === 0).length).toBeGreaterThan(pixels.length / 8);
    expect(outlineAlphas.filter((alpha) => alpha === 255).length).toBeGreaterThan(20);
    for (let index = 0; index < pixels.length; index += 4) {
      if (pixels[index + 3] !== 0) expect([pixels[index], pixels[index + 1], pixels[index + 2]]).toEqual([255, 255, 255]);
    }
  });

  it("the same configuration gives the same bytes", () => {
    const resolved = resolveTeamsPackage(OPTIONS, "fr");
    if (!resolved.ok) throw new Error("refused");
    expect(buildTeamsPackage(resolved.input).equals(buildTeamsPackage(resolved.input))).toBe(true);
  });

  it.each<[string, Partial<TTeamsPackageOptions>, string]>([
    ["no app id", { appId: undefined }, "TEAMS_APP_ID manque"],
    ["an app id that is no GUID", { appId: "stagebot" }, "TEAMS_APP_ID doit être un GUID"],
    ["no public address", { publicBaseUrl: undefined }, "PUBLIC_BASE_URL manque"],
    ["a public address in http", { publicBaseUrl: "http://stagebot.univ-demo.fr" }, "PUBLIC_BASE_URL doit être une adresse https://"],
    ["a privacy page in http", { privacyUrl: "http://example.org/privacy" }, "--privacy-url doit être une adresse https://"],
    ["a version Teams refuses", { version: "1.2" }, "--version doit être de la forme X.Y.Z"],
    [
      "a university name too long for the developer name",
      { universityName: "Université de démonstration des sciences et des lettres" },
      "UNIVERSITY_NAME dépasse 32 caractères",
    ],
  ])("%s: refused with its reason", (_name, change, reason) => {
    const resolved = resolveTeamsPackage({ ...OPTIONS, ...change }, "fr");
    expect(resolved.ok).toBe(false);
    expect(resolved.ok ? [] : resolved.problems.join("\n")).toContain(reason);
  });
});

describe("npm run teams:package", () => {
  const cli = join(process.cwd(), "src/cli/teams-package-cli.ts");
  const run = (args: string[], env: Record<string, string>) =>
    spawnSync(process.execPath, ["--import", "tsx", cli, ...args], { env: { PATH: process.env.PATH ?? "", ...env }, encoding: "utf8", timeout: 30_000 });

  it("writes the zip at --out from the configuration; unzip reads it", () => {
    const out = join(mkdtempSync(join(tmpdir(), "teams-package-")), "nested", "stagebot.zip");
    const result = run(["--out", out, "--developer-name", "Univ. démo", "--version", "2.0.1"], {
      TEAMS_APP_ID: APP_ID,
      PUBLIC_BASE_URL: "https://stagebot.univ-demo.fr",
    });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(out);
    const files = readZip(readFileSync(out));
    expect(json(files, "manifest.json")).toMatchObject({ version: "2.0.1", developer: { name: "Univ. démo" }, validDomains: ["stagebot.univ-demo.fr"] });
    if (existsSync("/usr/bin/unzip")) {
      expect(execFileSync("/usr/bin/unzip", ["-Z1", out], { encoding: "utf8" }).trim().split("\n")).toEqual([
        "manifest.json",
        "color.png",
        "outline.png",
        "en-us.json",
      ]);
      expect(execFileSync("/usr/bin/unzip", ["-t", out], { encoding: "utf8" })).toContain("No errors detected");
    }
  });

  it("without TEAMS_APP_ID and PUBLIC_BASE_URL: exit 1, both named, nothing written", () => {
    const out = join(mkdtempSync(join(tmpdir(), "teams-package-")), "stagebot.zip");
    const result = run(["--out", out], {});
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("TEAMS_APP_ID manque");
    expect(result.stderr).toContain("PUBLIC_BASE_URL manque");
    expect(existsSync(out)).toBe(false);
  });
});
