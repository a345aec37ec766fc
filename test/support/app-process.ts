// The app as a process, started the way a person starts it (`npm start`), in a process group of
// its own so that a test can signal the whole group as systemd or a terminal's Ctrl-C would.
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** A running `npm start` and what it printed so far. */
export interface TAppProcess {
  child: ChildProcess;
  port: number;
  base: string;
  output: string[];
  /** Resolves when the output contains `text`; fails with the output if the app exits first or `timeoutMs` passes. */
  waitFor(text: string, timeoutMs?: number): Promise<void>;
  /** Resolves with the exit code once the process has exited. */
  exited: Promise<number | null>;
  /** Sends `signal` to the whole process group (npm and the node process under it). */
  signalGroup(signal: NodeJS.Signals): void;
  /** SIGTERM to the group unless already exited; resolves with the exit code. */
  stop(): Promise<number | null>;
}

/**
 * Starts `npm start` with `env` added to this process's environment, minus every Slack, Teams and
 * database setting not given (so a developer's shell cannot leak into the test), listening on
 * 127.0.0.1 on a free port; resolves once it logged "Stagebot is listening".
 */
export async function startApp(env: Record<string, string>, timeoutMs = 90_000): Promise<TAppProcess> {
  const port = await freePort();
  const merged: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(merged)) if (/^(SLACK_|TEAMS_|DATABASE_|DATA_DIR|DEMO_DATA|PDF_LINK|PUBLIC_BASE_URL)/.test(name)) delete merged[name];
  Object.assign(merged, { PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "info" }, env);
  const child = spawn("npm", ["start", "--silent"], { env: merged, stdio: ["ignore", "pipe", "pipe"], detached: true });
  const output: string[] = [];
  child.stdout?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  let done = false;
  void exited.then(() => (done = true));

  const waitFor = (text: string, waitMs = 30_000) =>
    new Promise<void>((resolve, reject) => {
      const started = Date.now();
      const poll = setInterval(() => {
        if (output.join("").includes(text)) {
          clearInterval(poll);
          resolve();
        } else if (done || Date.now() - started > waitMs) {
          clearInterval(poll);
          reject(new Error(`${done ? "the app exited" : `not seen after ${waitMs} ms`} before "${text}":\n${output.join("").slice(-6000)}`));
        }
      }, 25);
    });

  const signalGroup = (signal: NodeJS.Signals) => {
    if (child.pid !== undefined && !done) process.kill(-child.pid, signal);
  };
  const app: TAppProcess = {
    child,
    port,
    base: `http://127.0.0.1:${port}`,
    output,
    waitFor,
    exited,
    signalGroup,
    stop: async () => {
      signalGroup("SIGTERM");
      return exited;
    },
  };
  await waitFor("Stagebot is listening", timeoutMs);
  return app;
}
