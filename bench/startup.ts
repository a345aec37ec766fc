// Process start as `npm start` runs it: time to a 200 from /healthz, each startup phase as the
// log reports it, and the resident memory once idle. One process (`exec node ...`): its RSS is the total.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { report } from "./stats.ts";

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}

function childPids(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface TStartResult {
  healthzMs: number;
  idleRssMb: number;
  processes: number;
  phases: Array<{ msg: string; ms: number }>;
}

/** Starts the app as `npm start` would (the command from package.json), waits for /healthz, then idles `idleMs`. */
export async function measureStart(env: Record<string, string>, idleMs = 3000): Promise<TStartResult> {
  const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { scripts: { start: string } };
  const port = await freePort();
  const command = pkg.scripts.start.replace(/^exec\s+/, "").split(/\s+/);
  const [bin, ...args] = command;
  if (!bin) throw new Error("no start script");
  const started = performance.now();
  const child = spawn(bin, args, {
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", PORT: String(port), LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const phases: Array<{ msg: string; ms: number }> = [];
  let buffered = "";
  child.stdout.on("data", (chunk: Buffer) => {
    buffered += chunk.toString("utf8");
    let newline = buffered.indexOf("\n");
    while (newline >= 0) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      try {
        const entry = JSON.parse(line) as { msg?: string };
        if (entry.msg) phases.push({ msg: entry.msg, ms: performance.now() - started });
      } catch {
        // not a log line
      }
      newline = buffered.indexOf("\n");
    }
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    let healthzMs = Number.NaN;
    for (let i = 0; i < 1200; i += 1) {
      if (child.exitCode !== null) throw new Error(`the app exited (${child.exitCode}): ${stderr}`);
      try {
        const response = await fetch(`http://127.0.0.1:${port}/healthz`);
        if (response.ok) {
          healthzMs = performance.now() - started;
          break;
        }
      } catch {
        // not listening yet
      }
      await sleep(25);
    }
    if (Number.isNaN(healthzMs)) throw new Error(`no /healthz after 30 s: ${stderr}`);
    await sleep(idleMs);
    const pid = child.pid ?? 0;
    const processes = [pid, ...childPids(pid)];
    const idleRssMb = processes.reduce((sum, one) => sum + rssMb(one), 0);
    return { healthzMs, idleRssMb, processes: processes.length, phases };
  } finally {
    child.kill("SIGTERM");
    await exited;
  }
}

export function reportStart(prefix: string, result: TStartResult): void {
  report(`${prefix}_healthz`, result.healthzMs, "ms");
  for (const phase of result.phases) console.log(`  ${prefix} phase +${phase.ms.toFixed(0)} ms: ${phase.msg}`);
  report(`${prefix}_idle_rss`, result.idleRssMb, "MB");
  report(`${prefix}_processes`, result.processes, "");
}
