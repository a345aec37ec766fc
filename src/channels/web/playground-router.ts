// The local playground's HTTP side: a page that renders the same Adaptive Cards as Teams, an
// identity switcher over the demo people, and a JSON API that turns the page's clicks into
// neutral events for the conversation core. It stores what Slack or Teams would have shown.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import express, { type ErrorRequestHandler, type Request, type RequestHandler, type Response, type Router } from "express";
import { z } from "zod/v4";
import { AppError } from "../../app/app-error.ts";
import type { TConversation } from "../../app/ports/conversation.ts";
import { ZInboundEvent, ZSearchQuery, type TIdentity } from "../../app/conversation/events.ts";
import { isLoopbackAddress } from "../../config.ts";
import { toLocale, translate } from "../../i18n/translate.ts";
import { applyEffects } from "../shared/apply-effects.ts";
import { changedThreadsOf, type TPlaygroundAnswer, type TPlaygroundChannel, type TPlaygroundMessages } from "./playground-port.ts";
import { threadsOf, type TThreadKey } from "./playground-threads.ts";

/** A demo identity offered by the switcher. */
export type TPlaygroundPerson = { role: string; email: string; name: string; description?: string };

export interface TPlaygroundDependencies {
  conversation: TConversation;
  /** The playground as a channel (the shared layer's port on its stored messages). */
  channel: TPlaygroundChannel;
  messages: TPlaygroundMessages;
  people: readonly TPlaygroundPerson[];
  /** Answer requests from other machines too (PLAYGROUND_UNSAFE_EXPOSE_WITHOUT_LOGIN); loopback only otherwise. */
  allowRemote?: boolean;
  /**
   * Runs every scheduled job now (digests and reminders), then delivers what they enqueued: the
   * playground's "run the jobs" button, so a newcomer sees a digest without waiting for 08:00.
   */
  runJobs?: () => Promise<{ jobs: Array<{ jobId: string; status: string; result: Record<string, unknown> | null }>; delivered: number }>;
}

/** What the page gets back after an event: the dialog to show or close, and the threads to reload. */
export type TEventResponse = TPlaygroundAnswer & { changedThreads: TThreadKey[] };

const publicDir = join(dirname(fileURLToPath(import.meta.url)), "public");
const adaptiveCardsDist = dirname(createRequire(import.meta.url).resolve("adaptivecards/dist/adaptivecards.min.js"));

// The switcher lists people in the order of the convention's life: who fills, who approves, who runs it.
const ROLE_ORDER = ["student", "teacher", "gestionnaire", "admin"] as const;

const ZEmail = z.string().trim().toLowerCase().pipe(z.email());
const ZEventBody = z.object({ email: ZEmail, event: ZInboundEvent });
const ZSearchBody = z.object({ email: ZEmail, query: ZSearchQuery });
// "main" is the main conversation; numbers are convention threads.
const ZThreadsQuery = z.object({
  email: ZEmail,
  only: z
    .string()
    .regex(/^(main|\d+)(,(main|\d+))*$/)
    .transform((list) => list.split(",").map((key) => (key === "main" ? null : Number(key))))
    .optional(),
});

function localeOf(request: Request) {
  return toLocale(request.acceptsLanguages("fr", "en") || undefined);
}

function sendError(response: Response, status: number, code: string, message: string, extra: object = {}): void {
  response.status(status).json({ error: { code, message, ...extra } });
}

/** A zod failure as a 400 the page (and a curl user) can act on. */
function sendBadRequest(response: Response, error: z.ZodError): void {
  const issues = error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
  const first = issues[0];
  sendError(response, 400, "INVALID_BODY", first ? `${first.path || "body"}: ${first.message}` : "invalid request", { issues });
}

/** The playground's routes, to mount at "/" when no Slack or Teams credentials are configured. */
export function createPlaygroundRouter(deps: TPlaygroundDependencies): Router {
  const router = express.Router();
  const json = express.json({ limit: "256kb" });
  router.use(loopbackOnly(deps.allowRemote === true));

  /** The person's id, or a 404 already sent: the switcher only offers people of the directory. */
  async function personOr404(request: Request, response: Response, email: string): Promise<number | null> {
    const personId = await deps.conversation.personIdOf(email);
    if (personId === null) {
      const message = translate(localeOf(request), "errors:UNKNOWN_PERSON", { email });
      sendError(response, 404, "UNKNOWN_PERSON", message);
    }
    return personId;
  }

  router.get("/", (_request, response) => {
    response.sendFile(join(publicDir, "index.html"));
  });

  router.get("/playground/people", async (_request, response) => {
    // Only people the directory knows: with DEMO_DATA=never the demo people may not exist.
    const known = await Promise.all(deps.people.map(async (person) => ((await deps.conversation.personIdOf(person.email)) === null ? null : person)));
    const people = known.filter((person) => person !== null);
    const groups = ROLE_ORDER.map((role) => ({
      role,
      people: people.filter((person) => person.role === role).map(({ email, name, description }) => ({ email, name, description: description ?? "" })),
    })).filter((group) => group.people.length > 0);
    response.json({ groups });
  });

  router.get("/playground/threads", async (request, response) => {
    const parsed = ZThreadsQuery.safeParse(request.query);
    if (!parsed.success) return sendBadRequest(response, parsed.error);
    const { email, only } = parsed.data;
    const personId = await personOr404(request, response, email);
    if (personId === null) return;
    // A full load also picks up conventions changed by someone else (a teacher's view of a
    // student's draft) or never shown here: the core knows their current progress cards.
    if (!only) {
      const identity: TIdentity = { platform: "WEB", email };
      const current = await deps.conversation.threads(identity);
      await deps.messages.syncProgress(
        personId,
        current.map(({ conventionId, progress }) => ({ conventionId, card: progress })),
      );
    }
    response.json({ personId, threads: threadsOf(await deps.messages.rows(personId), only) });
  });

  router.post("/playground/events", json, async (request, response) => {
    const parsed = ZEventBody.safeParse(request.body);
    if (!parsed.success) return sendBadRequest(response, parsed.error);
    const { email, event } = parsed.data;
    const personId = await personOr404(request, response, email);
    if (personId === null) return;
    const effects = await deps.conversation.handle({ platform: "WEB", email }, event);
    const target = await deps.channel.identities.ofPerson(personId);
    // The dialog's answer: the form that answers the click, or that it closes (filled by the port).
    const answer: TPlaygroundAnswer = { form: null, errors: null, closeForm: false };
    if (target !== null) await applyEffects(deps.channel, target, effects, { context: answer });
    const body: TEventResponse = { ...answer, changedThreads: changedThreadsOf(personId, effects) };
    response.json(body);
  });

  router.post("/playground/jobs/run", json, async (_request, response) => {
    if (!deps.runJobs) return sendError(response, 404, "NOT_FOUND", "no scheduled jobs here");
    response.json(await deps.runJobs());
  });

  router.post("/playground/search", json, async (request, response) => {
    const parsed = ZSearchBody.safeParse(request.body);
    if (!parsed.success) return sendBadRequest(response, parsed.error);
    const { email, query } = parsed.data;
    if ((await personOr404(request, response, email)) === null) return;
    const choices = await deps.conversation.search({ platform: "WEB", email }, query);
    response.json({ choices });
  });

  router.use("/playground/static", express.static(publicDir, { index: false, fallthrough: false }));
  router.get("/playground/vendor/adaptivecards.js", (_request, response) => {
    response.sendFile(join(adaptiveCardsDist, "adaptivecards.min.js"));
  });
  router.get("/playground/vendor/adaptivecards.css", (_request, response) => {
    response.sendFile(join(adaptiveCardsDist, "adaptivecards.css"));
  });

  router.use(errorHandler());
  return router;
}

function errorHandler(): ErrorRequestHandler {
  return (error: unknown, request, response, next) => {
    if (response.headersSent) return next(error);
    if (error instanceof AppError) {
      const message = translate(localeOf(request), `errors:${error.code}`, error.params);
      return sendError(response, error.status, error.code, message);
    }
    // Everything else (malformed JSON, a body over the limit: 400 / 413; a failure: 500) is
    // answered by the HTTP app's one handler: localised, with a request id, details logged.
    next(error);
  };
}

const LOCAL_HOST_HEADER = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])(?::\d{1,5})?$/i;

/**
 * The playground has no login: it answers only a browser on this machine. A request from another
 * address, or naming another host (DNS rebinding against a developer's localhost), is refused —
 * unless PLAYGROUND_UNSAFE_EXPOSE_WITHOUT_LOGIN put it on the network on purpose.
 */
function loopbackOnly(allowRemote: boolean): RequestHandler {
  return (request, response, next) => {
    if (allowRemote) return next();
    const host = request.get("host") ?? "";
    if (!isLoopbackAddress(request.socket.remoteAddress) || !LOCAL_HOST_HEADER.test(host)) {
      sendError(response, 403, "FORBIDDEN", translate(localeOf(request), "errors:PLAYGROUND_LOCAL_ONLY"));
      return;
    }
    next();
  };
}
