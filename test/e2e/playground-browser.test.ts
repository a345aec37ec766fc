// The whole product in a real browser: the demo student fills a convention through the local
// playground's forms (rendered by the official Adaptive Cards renderer), submits it, the
// référent and a gestionnaire validate it, and the student downloads the convention's PDF.
// Debian's chromium, driven by playwright-core. The journey runs against `npm start` exactly as
// a newcomer runs it, with no configuration (the embedded PGlite database, one connection); the
// refusal path runs against `npm start` on a PostgreSQL test database of its own.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createConversation } from "../../src/app/conversation/create-conversation.ts";
import { createConversationDeps } from "../../src/composition/create-conversation-deps.ts";
import { createDatabase } from "../../src/db/create-database.ts";
import { DEMO_PEOPLE } from "../../src/db/seed/demo-people.ts";
import { startApp, type TAppProcess } from "../support/app-process.ts";
import { fillConvention, submitFromRecap } from "../support/journey.ts";
import { createEmptyDatabase } from "../support/test-database.ts";

const CHROMIUM = "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];
const RESULTS_DIR = "test-results";

/** What the list helpers read of a <select> or of a text box with a datalist. */
type TListControl = {
  tagName: string;
  options: ArrayLike<{ value: string; label: string }>;
  list: { options: ArrayLike<{ value: string; label: string }> } | null;
};

/** Waits until the page has no request in flight and has re-rendered (body[data-busy=false]). */
async function settled(page: Page): Promise<void> {
  // A selector, not a script: the page's Content-Security-Policy forbids evaluating strings.
  await page.locator('body[data-busy="false"][data-ready="true"]').waitFor({ state: "attached" });
}

/** The playground's page, with helpers speaking its test hooks (data-input-id, data-verb...). */
function playground(page: Page) {
  const dialog = page.getByTestId("form-dialog");
  const progress = page.locator('[data-testid="message"][data-kind="progress"]');
  const control = (id: string) => dialog.locator(`[data-input-id="${id}"]`);

  return {
    progress,
    async openSection(section: string): Promise<void> {
      await progress.locator(`[data-verb="open_section"][data-section="${section}"]`).click();
      await settled(page);
      await dialog.waitFor({ state: "visible" });
    },
    async text(id: string, value: string): Promise<void> {
      await control(id).fill(value);
    },
    /** A list: a <select>, or a long list rendered as a text box with a datalist (style "filtered"). */
    async choose(id: string, pick: RegExp | "first"): Promise<void> {
      const element = control(id);
      const { tag, labels } = await element.evaluate((node: unknown) => {
        const field = node as TListControl;
        const options = field.tagName === "SELECT" ? Array.from(field.options).filter((option) => option.value !== "") : Array.from(field.list?.options ?? []);
        return { tag: field.tagName, labels: options.map((option) => (field.tagName === "SELECT" ? option.label : option.value)) };
      });
      const label = pick === "first" ? labels[0] : labels.find((candidate) => pick.test(candidate));
      if (!label) throw new Error(`no choice ${String(pick)} for ${id} among: ${labels.join(" | ")}`);
      if (tag === "SELECT") await element.selectOption({ label });
      else await element.fill(label);
    },
    /** Oui / Non, rendered as radio buttons (style "expanded"). */
    async radio(id: string, title: string): Promise<void> {
      await dialog.locator(`[data-input-for="${id}"]`).getByLabel(title, { exact: true }).check();
    },
    /** A typeahead (Data.Query): type, wait for the server's choices, pick one. */
    async search(id: string, text: string, pick: RegExp): Promise<void> {
      const box = control(id);
      await box.fill("");
      await box.pressSequentially(text, { delay: 40 });
      const field = dialog.locator(`[data-input-for="${id}"]`);
      try {
        await field.locator(".ac-choiceSetInput-choice").filter({ hasText: pick }).first().click({ timeout: 10_000 });
      } catch (error) {
        const offered = await field.locator(".ac-choiceSetInput-choice, .ac-choiceSetInput-statusIndicator").allInnerTexts();
        throw new Error(`no choice ${String(pick)} for ${id} after typing "${text}"; offered: ${offered.join(" | ") || "nothing"}`, { cause: error });
      }
    },
    /** Saves the open form; fails with the form's own messages when it comes back with errors. */
    async save(section: string): Promise<void> {
      await dialog.locator('[data-verb="save_section"]').click();
      await settled(page);
      if (await dialog.isVisible()) {
        const errors = await dialog
          .locator('[data-testid="form-errors"]')
          .innerText()
          .catch(() => "");
        throw new Error(`section ${section} was not saved: ${errors || (await dialog.innerText())}`);
      }
      const notice = (await page.locator('[data-testid="message"]').last().innerText()).replace(/\s+/g, " ");
      if (!/complète|complete/i.test(notice)) throw new Error(`section ${section} saved but not complete: ${notice}`);
    },
  };
}

/** Switches to a teacher or gestionnaire, waits for their approval card (delivered by the outbox) and validates. */
async function decide(page: Page, email: string, conventionId: string): Promise<void> {
  await page.getByTestId("identity-select").selectOption(email);
  await settled(page);
  // The page polls every 2 s for what the outbox delivered.
  const thread = page.locator(`[data-testid="thread-item"][data-thread="${conventionId}"]`);
  await thread.waitFor({ timeout: 20_000 });
  await thread.click();
  const validate = page.locator('[data-testid="message"] [data-verb="validate_step"]');
  await validate.first().waitFor({ timeout: 20_000 });
  await validate.first().click();
  await settled(page);
  await page
    .getByTestId("messages")
    .getByText(/Vous avez validé/)
    .first()
    .waitFor();
  // Once decided, the card has no decision buttons any more.
  await page.locator('[data-testid="message"] [data-verb="validate_step"]').first().waitFor({ state: "detached", timeout: 20_000 });
}

/** Keeps a screenshot and the page's and app's words when a journey fails. */
async function failure(page: Page, name: string, error: unknown, pageErrors: string[], app: TAppProcess | undefined): Promise<Error> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  await page.screenshot({ path: join(RESULTS_DIR, `${name}.png`), fullPage: true }).catch(() => undefined);
  const output = app?.output.join("") ?? "";
  return new Error(
    `${error instanceof Error ? error.message : String(error)}\n--- page errors ---\n${pageErrors.join("\n")}\n--- app output (tail) ---\n${output.slice(-4000)}`,
    { cause: error },
  );
}

let context: BrowserContext | undefined;
let userDataDir = "";

beforeAll(async () => {
  // Skipping would hide a missing browser: say how to install it instead.
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is missing at ${CHROMIUM}: install it with \`apt-get install chromium\`.`);
  userDataDir = mkdtempSync(join(tmpdir(), "stagebot-chromium-"));
  context = await chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}, 60_000);

afterAll(async () => {
  await context?.close();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
});

describe("npm start with no configuration (embedded database), in a browser", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "stagebot-browser-"));
  let app: TAppProcess | undefined;
  let base = "";

  beforeAll(async () => {
    app = await startApp({ DATA_DIR: dataDir });
    base = app.base;
  }, 120_000);

  afterAll(async () => {
    // The journey ends with a clean stop: SIGTERM to the group, exit 0.
    if (app) expect(await app.stop()).toBe(0);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("lets the demo student fill all seven sections and submit it, then the référent and a gestionnaire validate it", async () => {
    if (!context) throw new Error("no browser");
    const student = DEMO_PEOPLE.find((person) => person.role === "student");
    if (!student) throw new Error("the demo has no student");
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    // The page works under its own Content-Security-Policy: a refused script or style is an error here.
    page.on("console", (message) => {
      if (message.text().includes("Content Security Policy")) pageErrors.push(message.text());
    });
    page.setDefaultTimeout(15_000);
    const ui = playground(page);

    try {
      await page.goto(`${base}/`);
      await settled(page);
      expect(await page.getByTestId("playground-notice").innerText()).toContain("aucune donnée n'est envoyée à Slack ou Teams");
      await page.getByTestId("identity-select").selectOption(student.email);
      await settled(page);

      await page.getByTestId("new-convention").click();
      await settled(page);
      await ui.progress.waitFor();
      expect(await page.locator('[data-testid="thread-item"][aria-current="true"]').getAttribute("data-thread")).not.toBe("main");

      await ui.openSection("etudiant");
      await ui.search("cpamId", "Bouches", /Bouches-du-Rhône/);
      await ui.choose("inscriptionId", /3M127C/);
      await ui.choose("elementPedagogiqueId", /3427BS07/);
      await ui.radio("heuresFormationPlus200", "Oui");
      await ui.choose("langue", /^Français — stage en France/);
      await ui.save("etudiant");

      await ui.openSection("etablissement");
      // Typed without the accent: the server matches it, and the page must not filter it out again.
      await ui.search("etablissementId", "hopitaux", /Assistance Publique - Hôpitaux de Marseille/);
      await ui.save("etablissement");

      await ui.openSection("service");
      await ui.search("serviceId", "psychiatrie", /Service de psychiatrie/);
      await ui.save("service");

      await ui.openSection("tuteur");
      // One suggestion per record, titled as the search titles contacts.
      await ui.search("tuteurId", "Vidal", /Vidal Claire/);
      await ui.save("tuteur");

      await ui.openSection("stage");
      await ui.choose("paysIso2", /^France$/);
      await ui.choose("thematiqueCode", "first");
      await ui.text("sujet", "Observation clinique en service de psychiatrie adulte");
      await ui.text("fonctionsTaches", "Participation aux entretiens, synthèses cliniques, tenue du journal de stage.");
      await ui.text("competences", "Conduite d'entretien, observation clinique, rédaction de synthèses.");
      await ui.text("dateDebut", "2027-03-01");
      await ui.text("dateFin", "2027-03-31");
      await ui.radio("horairesReguliers", "Oui");
      await ui.text("heuresHebdomadaires", "35");
      await ui.radio("gratification", "Non");
      for (const id of ["tempsTravailCode", "origineStageCode", "natureTravailCode", "modaliteValidationCode"]) await ui.choose(id, "first");
      await ui.save("stage");

      await ui.openSection("enseignant");
      await ui.search("enseignantId", "Lambert", /LAMBERT Sophie/);
      await ui.save("enseignant");

      await ui.openSection("signataire");
      await ui.search("signataireId", "Rousseau", /Rousseau Jean-Marc/);
      await ui.save("signataire");

      const progressText = await ui.progress.innerText();
      expect(progressText.match(/✅/g) ?? []).toHaveLength(7);
      expect(progressText).not.toMatch(/Incomplet|À corriger/);

      await ui.progress.locator('[data-verb="show_recap"]').click();
      await settled(page);
      await page.locator('[data-testid="message"] [data-verb="submit_convention"]').last().click();
      await settled(page);
      expect(await page.getByTestId("alert").isHidden()).toBe(true);
      await page
        .getByTestId("messages")
        .getByText(/Convention n° ?\d+/)
        .first()
        .waitFor();
      const conventionId = await page.locator('[data-testid="thread-item"][aria-current="true"]').getAttribute("data-thread");
      if (!conventionId) throw new Error("no thread selected after submission");

      // DEMO-PSY's order: the référent, then a gestionnaire, each from the approval card they receive.
      await decide(page, "sophie.lambert@univ-demo.fr", conventionId);
      await decide(page, "isabelle.garcia@univ-demo.fr", conventionId);

      await page.getByTestId("identity-select").selectOption(student.email);
      await settled(page);
      await page.locator(`[data-testid="thread-item"][data-thread="${conventionId}"]`).click();
      await page
        .getByTestId("messages")
        .getByText(/entièrement validée/)
        .first()
        .waitFor({ timeout: 20_000 });

      // The PDF, generated on the embedded database's one connection, reaches the student: she downloads it.
      const link = page.locator('[data-testid="message"] button, [data-testid="message"] a').filter({ hasText: "Télécharger la convention (PDF)" }).first();
      await link.waitFor({ timeout: 20_000 });
      // The button opens the signed link in a new tab: the browser's own request for the PDF.
      const requested = context.waitForEvent("request", (request) => request.url().includes("/documents/"));
      await link.click();
      const request = await requested;
      // (The tab closes itself as the attachment downloads: the same link is fetched again to read it.)
      const served = await context.request.get(request.url());
      expect(served.status()).toBe(200);
      expect(served.headers()["content-type"]).toBe("application/pdf");
      expect(served.headers()["content-disposition"]).toMatch(/^attachment; filename="convention-\d+\.pdf"/);
      // The bytes are the stored ones: what the server serves matches the SHA-256 it announces.
      const bytes = await served.body();
      expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
      expect(served.headers()["x-content-sha256"]).toBe(createHash("sha256").update(bytes).digest("hex"));
      expect(pageErrors).toEqual([]);
      expect(app?.output.join("")).not.toMatch(/P2028|expired transaction|OuterClientInTransaction/);
    } catch (error) {
      throw await failure(page, "playground-browser-failure", error, pageErrors, app);
    }
  }, 180_000);

  it("in English: the language switch makes the bot answer one person in English, messages and cards alike (issue 14, item 4)", async () => {
    if (!context) throw new Error("no browser");
    const student = DEMO_PEOPLE.find((person) => person.email === "hugo.bernard@etu.univ-demo.fr");
    if (!student) throw new Error("the demo has no Hugo");
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    page.setDefaultTimeout(15_000);
    const ui = playground(page);
    const messages = page.getByTestId("messages");
    try {
      await page.goto(`${base}/`);
      await settled(page);
      await page.getByTestId("identity-select").selectOption(student.email);
      await settled(page);
      await page.getByTestId("language-toggle").click();
      await settled(page);
      // The bot is told, and says so in English.
      await messages.getByText("I will answer in English from now on.").waitFor();
      expect(await page.getByTestId("new-convention").innerText()).toMatch(/new convention/i);

      await page.getByTestId("new-convention").click();
      await settled(page);
      await ui.progress.waitFor();
      const progress = (await ui.progress.innerText()).replace(/\s+/g, " ");
      expect(progress).toContain("Draft convention");
      expect(progress).toContain("Host organisation");
      expect(progress).not.toMatch(/Brouillon|Établissement d'accueil/);
      await messages.getByText("Your draft convention has been created.").waitFor();

      // A form opens in English too.
      await ui.openSection("stage");
      const form = (await page.getByTestId("form-dialog").innerText()).replace(/\s+/g, " ");
      expect(form).toMatch(/Start date/i);
      expect(form).not.toMatch(/Date de début/);
      await page.getByTestId("form-dialog-close").click();

      // Typed words are answered in English: the help card.
      await page.locator('[data-testid="thread-item"][data-thread="main"]').click();
      await page.getByTestId("message-input").fill("help");
      await page.getByTestId("send-message").click();
      await settled(page);
      await messages.getByText("Stagebot — your internship conventions").waitFor();
      expect(await messages.innerText()).not.toContain("Stagebot — vos conventions de stage");
      expect(pageErrors).toEqual([]);
    } catch (error) {
      throw await failure(page, "playground-browser-english-failure", error, pageErrors, app);
    }
  }, 120_000);
});

describe("npm start on PostgreSQL, in a browser", () => {
  let database: Awaited<ReturnType<typeof createEmptyDatabase>> | undefined;
  let app: TAppProcess | undefined;
  let core: Awaited<ReturnType<typeof createDatabase>> | undefined;
  let base = "";

  beforeAll(async () => {
    database = await createEmptyDatabase("stagebot_playground");
    app = await startApp({ DATABASE_URL: database.url, DEMO_DATA: "always" });
    base = app.base;
  }, 120_000);

  afterAll(async () => {
    await app?.stop();
    await core?.close();
    await database?.drop();
  });

  it("refusal path: the référent refuses with a reason, the student reads it, corrects and submits again", async () => {
    if (!context || !database) throw new Error("no browser");
    // The convention is filled and submitted through the same core, in this process, to keep the test short.
    core = await createDatabase({ databaseUrl: database.url, poolSize: 2 });
    const conversation = createConversation(createConversationDeps(core.prisma));
    const student = "lea.martin@etu.univ-demo.fr";
    const id = await fillConvention(conversation, student, {
      formation: "3M127C",
      element: "3427BS07",
      host: "hopitaux de marseille",
      service: "psychiatrie",
      tuteur: "psychologue",
      signataire: "directeur",
      enseignant: "lambert",
      dates: { dateDebut: "2027-05-03", dateFin: "2027-05-28" },
    });
    await submitFromRecap(conversation, student, id);
    const conventionId = String(id);

    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    // The page works under its own Content-Security-Policy: a refused script or style is an error here.
    page.on("console", (message) => {
      if (message.text().includes("Content Security Policy")) pageErrors.push(message.text());
    });
    page.setDefaultTimeout(15_000);
    try {
      await page.goto(`${base}/`);
      await settled(page);
      await page.getByTestId("identity-select").selectOption("sophie.lambert@univ-demo.fr");
      await settled(page);
      const thread = page.locator(`[data-testid="thread-item"][data-thread="${conventionId}"]`);
      await thread.waitFor({ timeout: 20_000 });
      await thread.click();
      await page.locator('[data-testid="message"] [data-verb="open_refuse"]').first().click();
      await settled(page);
      const dialog = page.getByTestId("form-dialog");
      const reason = "Précisez les modalités d'encadrement par la psychologue du service.";
      await dialog.locator('[data-input-id="reason"]').fill(reason);
      await dialog.locator('[data-verb="refuse_step"]').click();
      await settled(page);
      await page
        .getByTestId("messages")
        .getByText(/Vous avez refusé/)
        .first()
        .waitFor();

      await page.getByTestId("identity-select").selectOption(student);
      await settled(page);
      await page.locator(`[data-testid="thread-item"][data-thread="${conventionId}"]`).click();
      await page.getByTestId("messages").getByText(reason, { exact: false }).first().waitFor({ timeout: 20_000 });

      // Editable again: the student corrects the stage section and submits again.
      const ui = playground(page);
      await ui.openSection("stage");
      await ui.text("fonctionsTaches", "Entretiens encadrés par la psychologue du service, synthèse hebdomadaire avec elle.");
      await ui.save("stage");
      await ui.progress.locator('[data-verb="show_recap"]').click();
      await settled(page);
      await page.locator('[data-testid="message"] [data-verb="submit_convention"]').last().click();
      await settled(page);
      await page
        .getByTestId("messages")
        .getByText(/Convention n° ?\d+ enregistrée/)
        .last()
        .waitFor();
      const resubmitted = await core.prisma.convention.findUniqueOrThrow({ where: { id } });
      expect(resubmitted.state).toBe("SUBMITTED");
      expect(pageErrors).toEqual([]);
    } catch (error) {
      throw await failure(page, "playground-refusal-failure", error, pageErrors, app);
    }
  }, 180_000);
});
