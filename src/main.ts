import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { hostname } from "node:os";
import { pino } from "pino";
import { createConversation } from "./app/conversation/create-conversation.ts";
import { institutionClauses } from "./app/documents/institution-clauses.ts";
import { createDispatcher } from "./app/notifications/dispatch-outbox.ts";
import { renderNotification } from "./app/notifications/render-notification.ts";
import { createNotificationDelivery } from "./channels/shared/notification-router.ts";
import { teamsRequestGuardFor } from "./channels/teams/auth/teams-request-guard.ts";
import { createTeamsAdapter } from "./channels/teams/teams-adapter.ts";
import { graphDirectory } from "./channels/teams/teams-graph.ts";
import {
  playgroundOnDatabase,
  playgroundRouterOnDatabase,
  slackAppOnDatabase,
  slackNotifications,
  teamsAppOnDatabase,
  teamsNotifications,
} from "./composition/channels.ts";
import { createCompanyRegister, registerEnabled, registerOff } from "./company-register/create-company-register.ts";
import { createConversationDeps } from "./composition/create-conversation-deps.ts";
import { createRegisterCache } from "./db/company-register-cache.ts";
import { createDocumentDownloadDeps } from "./composition/create-document-download-deps.ts";
import { createJobScheduler } from "./composition/create-job-scheduler.ts";
import { scheduledJobs } from "./composition/scheduled-jobs.ts";
import { operationsPolicyOf } from "./composition/operations-jobs.ts";
import { channelMode, loadConfig, ConfigError, type TConfig } from "./config.ts";
import { createDatabase, type TDatabase } from "./db/create-database.ts";
import { createOutboxQueue } from "./db/outbox.ts";
import { DEMO_PEOPLE, seedDemo } from "./db/seed/seed-demo.ts";
import { seedDemoWaiting } from "./db/seed/seed-demo-waiting.ts";
import { seedReferenceData } from "./db/seed/seed-reference-data.ts";
import { createHttpApp } from "./http/create-http-app.ts";
import { createDocumentRouter, documentLinkSecret, publicBaseUrl } from "./http/document-links.ts";
import { createPreviewRouter } from "./http/preview-links.ts";
import { loadInstitutionLogo } from "./pdf/logo.ts";

/** Demo data goes in on the first embedded start, or always/never when configured so. */
function wantsDemoData(config: TConfig, database: TDatabase): boolean {
  if (config.DEMO_DATA === "always") return true;
  if (config.DEMO_DATA === "never") return false;
  return database.kind === "pglite";
}

async function main(): Promise<void> {
  const config = loadConfig();
  // Without any Slack or Teams credential, Stagebot shows itself in the local playground.
  const mode = channelMode(config);
  const logger = pino({ level: config.LOG_LEVEL });

  const database = await createDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    poolSize: config.DATABASE_POOL_SIZE,
    // The person is answered "try again" (AppError BUSY); the log says what was waited for.
    onBusy: (error) => logger.warn({ err: error }, "database busy: a request was answered BUSY"),
  });
  logger.info({ db: database.kind, applied: database.migrations.applied }, "database ready");

  await seedReferenceData(database.prisma);
  if (wantsDemoData(config, database)) {
    const { created } = await seedDemo(database.prisma);
    if (created) {
      // Something waits in the demo, so the first start shows a digest and a reminder.
      await seedDemoWaiting(database.prisma, new Date());
      logger.info("demo university loaded");
    }
  }

  const links = {
    secret: documentLinkSecret(config.PDF_LINK_SECRET),
    baseUrl: publicBaseUrl(config.PUBLIC_BASE_URL, config.PORT),
    ttlMs: config.PDF_LINK_TTL_MINUTES * 60_000,
  };
  const registerLogger = logger.child({ component: "company-register" });
  const register = registerEnabled(config.COMPANY_REGISTER, mode.kind === "playground")
    ? createCompanyRegister({
        baseUrl: config.COMPANY_REGISTER_URL,
        timeoutMs: config.COMPANY_REGISTER_TIMEOUT_MS,
        cacheTtlMs: config.COMPANY_REGISTER_CACHE_HOURS * 3600_000,
        cache: createRegisterCache(database.prisma),
        onUnavailable: (reason, detail) => registerLogger.warn({ reason, detail }, "company register unavailable: local search only"),
      })
    : registerOff;
  registerLogger.info({ on: register !== registerOff, url: config.COMPANY_REGISTER_URL }, "company register");
  const deps = createConversationDeps(database.prisma, () => new Date(), {
    register,
    institution: {
      name: config.UNIVERSITY_NAME,
      logo: loadInstitutionLogo(config.UNIVERSITY_LOGO),
      clauses: institutionClauses(),
      signatory: config.UNIVERSITY_SIGNATORY_NAME ? { name: config.UNIVERSITY_SIGNATORY_NAME, title: config.UNIVERSITY_SIGNATORY_TITLE ?? null } : null,
      city: config.UNIVERSITY_CITY ?? null,
    },
    links,
  });
  const conversation = createConversation(deps);
  const playground = mode.kind === "playground" ? playgroundOnDatabase(database.prisma, logger.child({ component: "playground" })) : null;
  // Slack, once its bot token and signing secret are set: /slack/events and a notification channel.
  const slack =
    mode.kind === "platforms" && mode.slack
      ? slackAppOnDatabase(database.prisma, { ...mode.slack, apiUrl: config.SLACK_API_URL, conversation, logger: logger.child({ component: "slack" }) })
      : null;
  // Teams, once its app id, password and tenant are set: /api/messages (every request's token
  // checked first) and a notification channel.
  const teamsLogger = logger.child({ component: "teams" });
  const teams =
    mode.kind === "platforms" && mode.teams
      ? teamsAppOnDatabase(database.prisma, {
          appId: mode.teams.appId,
          adapter: createTeamsAdapter(mode.teams),
          guard: teamsRequestGuardFor(mode.teams, { clock: () => new Date(), logger: teamsLogger }),
          reach:
            config.TEAMS_GRAPH_LOOKUP === "true"
              ? {
                  tenantId: mode.teams.tenantId,
                  directory: graphDirectory({
                    ...mode.teams,
                    graphUrl: config.TEAMS_GRAPH_URL ?? "https://graph.microsoft.com",
                    loginUrl: config.TEAMS_LOGIN_URL ?? "https://login.microsoftonline.com",
                    logger: teamsLogger,
                  }),
                }
              : undefined,
          conversation,
          logger: teamsLogger,
        })
      : null;
  // Notifications leave the outbox for every channel their recipient uses.
  const channels = [
    ...(playground ? [playground.notifications] : []),
    ...(slack ? [slackNotifications(slack)] : []),
    ...(teams ? [teamsNotifications(teams)] : []),
  ];
  const instanceId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const dispatcher = createDispatcher({
    queue: createOutboxQueue(database.prisma),
    render: (recipientId, payload) => renderNotification(deps, recipientId, payload),
    deliver: createNotificationDelivery(channels),
    clock: () => new Date(),
    logger: logger.child({ component: "outbox" }),
    instanceId,
  });
  // Without any channel, notifications wait in the outbox rather than running out of attempts.
  if (channels.length > 0) dispatcher.start(config.OUTBOX_INTERVAL_MS);
  // Digests, reminders and housekeeping: every instance schedules them, JobRun elects one per slot.
  const scheduler = createJobScheduler(database.prisma, {
    jobs: scheduledJobs(database.prisma, { clock: () => new Date(), operations: operationsPolicyOf(config) }),
    logger: logger.child({ component: "jobs" }),
    instanceId,
  });
  await scheduler.start();
  const app = createHttpApp({
    databaseKind: database.kind,
    jobsStatus: () => scheduler.status(),
    logger: logger.child({ component: "http" }),
    pingDatabase: async () => {
      await database.prisma.$queryRaw`SELECT 1`;
    },
    mount: (http) => {
      // Signed bearer links to the PDFs, valid PDF_LINK_TTL_MINUTES, rechecked against the
      // permissions of the person each was minted for at every use, every use audited.
      http.use(
        createDocumentRouter({
          downloads: createDocumentDownloadDeps(database.prisma),
          secret: links.secret,
          now: () => new Date(),
          logger: logger.child({ component: "documents" }),
        }),
      );
      http.use(createPreviewRouter({ documents: deps.documents, directory: deps.directory, secret: links.secret, now: () => new Date() }));
      if (slack) http.use(slack.router);
      if (teams) http.use(teams.router);
      if (playground)
        http.use(
          "/",
          playgroundRouterOnDatabase(playground, {
            conversation,
            people: DEMO_PEOPLE,
            allowRemote: mode.kind === "playground" && mode.exposed,
            runJobs: async () => {
              const jobs = [];
              for (const { jobId } of await scheduler.status()) {
                const outcome = await scheduler.runJob(jobId);
                jobs.push({ jobId, status: outcome.status, result: outcome.status === "succeeded" ? outcome.result : null });
              }
              // Delivered now rather than at the dispatcher's next tick, so the page shows them at once.
              let delivered = 0;
              for (;;) {
                const { sent } = await dispatcher.runOnce();
                if (sent === 0) break;
                delivered += sent;
              }
              return { jobs, delivered };
            },
          }),
        );
    },
  });
  const server = app.listen(config.PORT, mode.host);
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  });
  const { port } = server.address() as AddressInfo;
  logger.info({ port, url: `http://localhost:${port}` }, "Stagebot is listening");
  if (teams && config.TEAMS_OPENID_METADATA_URL !== undefined)
    logger.warn(
      { url: config.TEAMS_OPENID_METADATA_URL },
      "TEAMS_OPENID_METADATA_URL is set: Teams tokens are checked against these keys, not Microsoft's (tests only)",
    );
  if (playground) {
    logger.info(
      { url: `http://localhost:${port}/` },
      `local playground (no Slack or Teams credentials): http://localhost:${port}/ — a demo WITHOUT LOGIN: whoever opens it can act as anyone`,
    );
    if (mode.kind === "playground" && mode.exposed)
      logger.warn({ host: mode.host }, "PLAYGROUND_UNSAFE_EXPOSE_WITHOUT_LOGIN=true: the login-less playground is reachable beyond this machine");
  }

  onShutdownSignal(logger, async () => {
    // Stop accepting work: no new connection, idle keep-alive ones closed; requests in flight finish.
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    await scheduler.stop();
    await dispatcher.stop();
    // What Teams clicks left to do after their answer (a progress card, a notice) is finished.
    await teams?.idle();
    await Promise.race([closed, delay(SHUTDOWN_GRACE_MS / 2).then(() => server.closeAllConnections())]);
    await database.close();
  });
}

/** How long a stop may take before the process exits anyway (systemd's default is 90 s). */
const SHUTDOWN_GRACE_MS = 10_000;

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

/**
 * SIGTERM or SIGINT, to the process or to its whole process group (systemd, Ctrl-C: the signal
 * may come twice, from the group and from a parent relaying it): stops once, within
 * SHUTDOWN_GRACE_MS, and exits 0 when everything closed in time.
 */
function onShutdownSignal(
  logger: { info(details: object, message: string): void; error(details: object, message: string): void },
  stop: () => Promise<void>,
): void {
  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.info({ signal }, "already shutting down");
      return;
    }
    stopping = true;
    logger.info({ signal, graceMs: SHUTDOWN_GRACE_MS }, "shutting down");
    const forced = setTimeout(() => {
      logger.error({ graceMs: SHUTDOWN_GRACE_MS }, "shutdown took too long: exiting now (leased notifications are delivered after their lease)");
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    forced.unref();
    stop().then(
      () => {
        logger.info({}, "stopped");
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

main().catch((error: unknown) => {
  // A configuration error is the user's to fix: say it plainly, without a stack.
  if (error instanceof ConfigError) console.error(error.message);
  else console.error(error);
  process.exit(1);
});
