import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startApp, type TAppProcess } from "../support/app-process.ts";

describe("npm start with no DATABASE_URL", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "stagebot-start-"));
  let app: TAppProcess | undefined;

  afterAll(async () => {
    await app?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("serves /healthz on an embedded PGlite database with the demo university, and stops on SIGINT to its group with exit 0", async () => {
    app = await startApp({ DATA_DIR: dataDir });
    const response = await fetch(`${app.base}/healthz`);
    expect(response.status).toBe(200);
    const health = (await response.json()) as { status: string; db: string; jobs: Array<{ id: string; nextRun: string | null }> };
    expect(health).toMatchObject({ status: "ok", db: "pglite" });
    // Every scheduled job is listed with its next run (issue 13).
    expect(health.jobs.every((job) => typeof job.id === "string" && job.nextRun !== undefined)).toBe(true);
    expect(app.output.join("")).toContain("demo university loaded");

    // A terminal's Ctrl-C: SIGINT to the whole group (npm and node).
    app.signalGroup("SIGINT");
    expect(await app.exited).toBe(0);
    expect(app.output.join("")).toContain('"msg":"stopped"');
  }, 120_000);
});
