import { z } from "zod/v4";

const ZOptionalText = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

/** Every environment variable Stagebot reads (README.md, "Configuration", documents each). */
export const ZConfig = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: ZOptionalText.pipe(
    z.url({ protocol: /^postgres(ql)?$/, error: "must be a postgresql:// URL" }).optional(),
  ),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  DATA_DIR: z.string().default("data"),
  /** "auto": demo data on the first start in embedded mode; "always" / "never" force it. */
  DEMO_DATA: z.enum(["auto", "always", "never"]).default("auto"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  UNIVERSITY_NAME: z.string().default("Université de démonstration"),
  /** Path of a PNG or JPEG printed at the top of the PDFs; none by default. */
  UNIVERSITY_LOGO: ZOptionalText,
  /** Key of the PDF download links (HMAC-SHA256); unset: a random key per process, so links die with it. */
  PDF_LINK_SECRET: ZOptionalText.pipe(z.string().min(32, "must be at least 32 characters").optional()),
  /** Address users reach this server at, for the PDF links; default http://localhost:PORT. */
  PUBLIC_BASE_URL: ZOptionalText.pipe(z.url({ protocol: /^https?$/, error: "must be an http(s):// URL" }).optional()),
  /** How often each instance delivers the notification outbox, in milliseconds. */
  OUTBOX_INTERVAL_MS: z.coerce.number().int().min(100).max(60_000).default(1000),
  SLACK_BOT_TOKEN: ZOptionalText,
  SLACK_SIGNING_SECRET: ZOptionalText,
  SLACK_API_URL: ZOptionalText,
  TEAMS_APP_ID: ZOptionalText,
  TEAMS_APP_PASSWORD: ZOptionalText,
  TEAMS_APP_TENANT_ID: ZOptionalText,
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
