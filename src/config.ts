import { z } from "zod/v4";
import { BOT_FRAMEWORK_OPENID_METADATA_URL } from "./channels/teams/auth/open-id-keys.ts";
import { scheduleProblem } from "./jobs/slots.ts";

const ZOptionalText = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const MINUTES = "must be a whole number of minutes, from 1 to 1440";

/** A whole number from `min` to `max`, with a message saying so. */
const ZWhole = (min: number, max: number) => {
  const error = `must be a whole number from ${min} to ${max}`;
  return z.coerce.number({ error }).int({ error }).min(min, { error }).max(max, { error });
};

const ZCron = z.string().refine((cron) => scheduleProblem(cron) === null, { error: "must be a cron expression (5 fields: minute hour day month weekday)" });

/** Every environment variable Stagebot reads (README.md, "Configuration", documents each). */
export const ZConfig = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  /** Interface to listen on; unset: loopback for the playground, every interface with a platform. */
  HOST: ZOptionalText,
  /** "true" serves the login-less playground beyond loopback: anyone who reaches it can act as anyone. */
  PLAYGROUND_UNSAFE_EXPOSE_WITHOUT_LOGIN: z.enum(["true", "false"]).default("false"),
  DATABASE_URL: ZOptionalText.pipe(z.url({ protocol: /^postgres(ql)?$/, error: "must be a postgresql:// URL" }).optional()),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  DATA_DIR: z.string().default("data"),
  /** "auto": demo data on the first start in embedded mode; "always" / "never" force it. */
  DEMO_DATA: z.enum(["auto", "always", "never"]).default("auto"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  UNIVERSITY_NAME: z.string().default("Université de démonstration"),
  /** Who signs the conventions for the university (a centre's delegation, stored on the centre, comes first). */
  UNIVERSITY_SIGNATORY_NAME: ZOptionalText,
  UNIVERSITY_SIGNATORY_TITLE: ZOptionalText,
  /** The city of « Fait à …, le … » above the signatures; unset: left blank, to fill by hand. */
  UNIVERSITY_CITY: ZOptionalText,
  /** Path of a PNG or JPEG printed at the top of the PDFs; none by default. */
  UNIVERSITY_LOGO: ZOptionalText,
  /** Key of the PDF download links (HMAC-SHA256); unset: a random key per process, so links die with it. */
  PDF_LINK_SECRET: ZOptionalText.pipe(z.string().min(32, "must be at least 32 characters").optional()),
  /** How long a PDF link lives, in minutes: a bearer link, so short (default 15, at most a day). */
  PDF_LINK_TTL_MINUTES: z.coerce.number({ error: MINUTES }).int({ error: MINUTES }).min(1, { error: MINUTES }).max(1440, { error: MINUTES }).default(15),
  /** Address users reach this server at, for the PDF links; default http://localhost:PORT. */
  PUBLIC_BASE_URL: ZOptionalText.pipe(z.url({ protocol: /^https?$/, error: "must be an http(s):// URL" }).optional()),
  /** How often each instance delivers the notification outbox, in milliseconds. */
  OUTBOX_INTERVAL_MS: z.coerce.number().int().min(100).max(60_000).default(1000),
  // Running it for years (README, "Retention", "Personal data"): the maintenance jobs' policy.
  /** When the retention job runs (cron, Europe/Paris). */
  RETENTION_CRON: ZCron.default("30 3 * * *"),
  /** Platform events and delivery records are kept this many hours (Slack and the Bot Framework retry for minutes). */
  RETENTION_PROCESSED_EVENT_HOURS: ZWhole(1, 24 * 365).default(48),
  /** Delivered notifications are kept this many days. */
  RETENTION_SENT_OUTBOX_DAYS: ZWhole(1, 3650).default(30),
  /** Messages of a deleted draft's thread are kept this many days (the thread says it is closed meanwhile). */
  RETENTION_DELETED_CONVENTION_MESSAGE_DAYS: ZWhole(1, 3650).default(90),
  /** Finished job runs are kept this many days. */
  RETENTION_JOB_RUN_DAYS: ZWhole(1, 3650).default(90),
  /** Rows per DELETE statement. */
  RETENTION_BATCH_SIZE: ZWhole(1, 10_000).default(500),
  /** When the personal-data job archives and purges conventions (cron, Europe/Paris). */
  PERSONAL_DATA_CRON: ZCron.default("15 4 * * *"),
  /** A finished convention is archived this many years after its internship ends (ESUP-Stage: 5). */
  PERSONAL_DATA_ARCHIVE_YEARS: ZWhole(1, 100).default(5),
  /** An archived convention is purged this many years after its archiving date (ESUP-Stage: 2). */
  PERSONAL_DATA_PURGE_YEARS: ZWhole(1, 100).default(2),
  /** The national company register in the host typeahead: "auto" is on with Slack or Teams, off in the playground. */
  COMPANY_REGISTER: z.enum(["auto", "on", "off"]).default("auto"),
  /** The API Recherche d'entreprises (or a local fake in tests). */
  COMPANY_REGISTER_URL: z.url({ protocol: /^https?$/, error: "must be an http(s):// URL" }).default("https://recherche-entreprises.api.gouv.fr"),
  /** How long a register search may take before the typeahead answers without it. */
  COMPANY_REGISTER_TIMEOUT_MS: ZWhole(100, 30_000).default(2000),
  /** How long a register answer is kept in PostgreSQL, in hours. */
  COMPANY_REGISTER_CACHE_HOURS: ZWhole(1, 24 * 30).default(24),
  SLACK_BOT_TOKEN: ZOptionalText,
  SLACK_SIGNING_SECRET: ZOptionalText,
  SLACK_API_URL: ZOptionalText,
  TEAMS_APP_ID: ZOptionalText,
  TEAMS_APP_PASSWORD: ZOptionalText,
  TEAMS_APP_TENANT_ID: ZOptionalText,
  /** For tests only: where the Bot Framework's OpenID metadata (the token signing keys) is read; default Microsoft's. */
  TEAMS_OPENID_METADATA_URL: ZOptionalText.pipe(z.url({ protocol: /^https?$/, error: "must be an http(s):// URL" }).optional()),
  /** Find people who never wrote to the bot in Microsoft Graph by e-mail (application permission User.Read.All). */
  TEAMS_GRAPH_LOOKUP: z.enum(["true", "false"]).default("false"),
  /** Microsoft Graph and the tenant's login (tests point them at local fakes). */
  TEAMS_GRAPH_URL: ZOptionalText.pipe(z.url({ protocol: /^https?$/, error: "must be an http(s):// URL" }).optional()),
  TEAMS_LOGIN_URL: ZOptionalText.pipe(z.url({ protocol: /^https?$/, error: "must be an http(s):// URL" }).optional()),
});

export type TConfig = z.infer<typeof ZConfig>;

/** Raised at start when the environment is invalid; lists every bad variable. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Reads and validates the environment, with one clear line per missing or invalid variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): TConfig {
  const parsed = ZConfig.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `- ${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

/** True for an address on this machine only (127.0.0.0/8, ::1, IPv4-mapped loopback). */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (address === undefined) return false;
  const plain = address.replace(/^::ffff:/i, "");
  return plain === "::1" || plain === "localhost" || /^127(\.\d{1,3}){3}$/.test(plain);
}

/** A single-tenant Teams bot's registration, and where its incoming tokens' keys are published. */
export interface TTeamsCredentials {
  appId: string;
  appPassword: string;
  tenantId: string;
  /** Microsoft's OpenID metadata unless TEAMS_OPENID_METADATA_URL (tests) says otherwise. */
  openIdMetadataUrl: string;
}

export type TChannelMode =
  | { kind: "playground"; host: string; exposed: boolean }
  /** `slack`, `teams`: their credentials when configured (all parts; half a configuration stops the start). */
  | { kind: "platforms"; host: string; slack: { botToken: string; signingSecret: string } | null; teams: TTeamsCredentials | null };

/**
 * Which face Stagebot shows, decided once at start: the playground (a demo without login) only
 * when no platform credential at all is set, served on loopback unless exposed on purpose; a
 * platform configured halfway stops the start, naming what is missing.
 */
export function channelMode(config: TConfig): TChannelMode {
  const slackParts = { SLACK_BOT_TOKEN: config.SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET: config.SLACK_SIGNING_SECRET };
  const teamsParts = { TEAMS_APP_ID: config.TEAMS_APP_ID, TEAMS_APP_PASSWORD: config.TEAMS_APP_PASSWORD, TEAMS_APP_TENANT_ID: config.TEAMS_APP_TENANT_ID };
  const problems: string[] = [];
  for (const [platform, parts] of [
    ["Slack", slackParts],
    ["Teams", teamsParts],
  ] as const) {
    const present = Object.entries(parts).filter(([, value]) => value !== undefined);
    const missing = Object.entries(parts)
      .filter(([, value]) => value === undefined)
      .map(([name]) => name);
    if (present.length > 0 && missing.length > 0)
      problems.push(`- ${platform} is configured halfway: ${missing.join(", ")} missing (set it, or unset ${present.map(([name]) => name).join(", ")})`);
  }
  const slack =
    config.SLACK_BOT_TOKEN !== undefined && config.SLACK_SIGNING_SECRET !== undefined
      ? { botToken: config.SLACK_BOT_TOKEN, signingSecret: config.SLACK_SIGNING_SECRET }
      : null;
  const teams =
    config.TEAMS_APP_ID !== undefined && config.TEAMS_APP_PASSWORD !== undefined && config.TEAMS_APP_TENANT_ID !== undefined
      ? {
          appId: config.TEAMS_APP_ID,
          appPassword: config.TEAMS_APP_PASSWORD,
          tenantId: config.TEAMS_APP_TENANT_ID,
          openIdMetadataUrl: config.TEAMS_OPENID_METADATA_URL ?? BOT_FRAMEWORK_OPENID_METADATA_URL,
        }
      : null;
  const anyCredential = [...Object.values(slackParts), ...Object.values(teamsParts)].some((value) => value !== undefined);
  const exposed = config.PLAYGROUND_UNSAFE_EXPOSE_WITHOUT_LOGIN === "true";
  if (!anyCredential) {
    if (config.PUBLIC_BASE_URL !== undefined && !exposed) {
      problems.push("- PUBLIC_BASE_URL is set but no Slack or Teams credentials are: set them, or unset PUBLIC_BASE_URL to try the local playground");
    }
    const host = config.HOST ?? "127.0.0.1";
    if (!isLoopbackAddress(host) && !exposed) {
      problems.push(
        `- HOST=${host}: the playground has no login and is served on loopback only (set PLAYGROUND_UNSAFE_EXPOSE_WITHOUT_LOGIN=true to expose it anyway)`,
      );
    }
    if (problems.length > 0) throw new ConfigError(`Invalid configuration:\n${problems.join("\n")}`);
    return { kind: "playground", host, exposed };
  }
  if (exposed) problems.push("- PLAYGROUND_UNSAFE_EXPOSE_WITHOUT_LOGIN: the playground is never served once a platform credential is set");
  if (problems.length > 0) throw new ConfigError(`Invalid configuration:\n${problems.join("\n")}`);
  return { kind: "platforms", host: config.HOST ?? "0.0.0.0", slack, teams };
}
