import { createPublicKey } from "node:crypto";
import { z } from "zod/v4";
import type { TClock } from "../../../app/ports/clock.ts";
import type { TTeamsLogger } from "../teams-logger.ts";
import type { TSigningKey } from "./verify-bot-framework-token.ts";

// The connector's signing keys, read from its OpenID metadata (→ jwks_uri) and kept in memory.
// Microsoft rolls keys without notice, so a token naming a kid we do not know triggers a
// refresh; but an attacker can send unknown kids at will, so at most one refresh runs at a time
// and none starts sooner than `minRefreshIntervalMs` after the previous one.

/** The public cloud's metadata for tokens from channels to bots. */
export const BOT_FRAMEWORK_OPENID_METADATA_URL = "https://login.botframework.com/v1/.well-known/openidconfiguration";

const ZOpenIdMetadata = z.object({ jwks_uri: z.url({ protocol: /^https?$/ }) });

const ZJwk = z.looseObject({
  kty: z.string(),
  kid: z.string().min(1),
  n: z.string().optional(),
  e: z.string().optional(),
  use: z.string().optional(),
  endorsements: z.array(z.string()).optional(),
});

const FAILURE_BACKOFF_MS = 10_000;

const ZJwks = z.object({ keys: z.array(z.unknown()) });

/** The keys a guard checks tokens with. */
export interface TSigningKeySource {
  /** The keys known now (loaded on first use, reloaded once they are older than a day). */
  current(): Promise<readonly TSigningKey[]>;
  /** Asked when a token names an unknown kid: reloads unless a reload ran very recently. */
  refreshForUnknownKey(kid: string): Promise<readonly TSigningKey[]>;
}

/** Raised when the metadata or the key set cannot be read: nothing can be verified, so nothing is processed. */
export class SigningKeysUnavailableError extends Error {
  override name = "SigningKeysUnavailableError";
}

export interface TOpenIdKeySourceOptions {
  metadataUrl: string;
  clock: TClock;
  logger: TTeamsLogger;
  fetch?: typeof fetch;
  /** Keys older than this are reloaded before use (default a day, as botbuilder does). */
  maxAgeMs?: number;
  /** No reload for an unknown kid sooner than this after the last one (default five minutes). */
  minRefreshIntervalMs?: number;
  timeoutMs?: number;
}

function toSigningKey(jwk: unknown): TSigningKey | null {
  const parsed = ZJwk.safeParse(jwk);
  if (!parsed.success || parsed.data.kty !== "RSA" || parsed.data.n === undefined || parsed.data.e === undefined) return null;
  if (parsed.data.use !== undefined && parsed.data.use !== "sig") return null;
  try {
    const key = createPublicKey({ key: { kty: "RSA", n: parsed.data.n, e: parsed.data.e }, format: "jwk" });
    return { kid: parsed.data.kid, key, endorsements: parsed.data.endorsements ?? [] };
  } catch {
    return null;
  }
}

async function readJson(fetcher: typeof fetch, url: string, timeoutMs: number): Promise<unknown> {
  const response = await fetcher(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: "application/json" } });
  if (!response.ok) throw new SigningKeysUnavailableError(`${url} answered ${response.status}`);
  return response.json();
}

/** A key source over an OpenID metadata document and its JWKS, cached in memory. */
export function openIdKeySource(options: TOpenIdKeySourceOptions): TSigningKeySource {
  const fetcher = options.fetch ?? fetch;
  const maxAge = options.maxAgeMs ?? 24 * 60 * 60 * 1000;
  const minInterval = options.minRefreshIntervalMs ?? 5 * 60 * 1000;
  const timeout = options.timeoutMs ?? 10_000;
  let keys: readonly TSigningKey[] | null = null;
  let loadedAt = 0;
  let lastAttemptAt = Number.NEGATIVE_INFINITY;
  let lastFailureAt = Number.NEGATIVE_INFINITY;
  let inFlight: Promise<readonly TSigningKey[]> | null = null;

  const load = async (): Promise<readonly TSigningKey[]> => {
    lastAttemptAt = options.clock().getTime();
    try {
      const metadata = ZOpenIdMetadata.parse(await readJson(fetcher, options.metadataUrl, timeout));
      const jwks = ZJwks.parse(await readJson(fetcher, metadata.jwks_uri, timeout));
      const loaded = jwks.keys.map(toSigningKey).filter((key): key is TSigningKey => key !== null);
      keys = loaded;
      loadedAt = options.clock().getTime();
      options.logger.info({ keys: loaded.length, skipped: jwks.keys.length - loaded.length }, "Bot Framework signing keys loaded");
      return loaded;
    } catch (error) {
      // Keys already known stay in use: an outage of the metadata endpoint refuses nothing more.
      lastFailureAt = options.clock().getTime();
      if (keys !== null) {
        options.logger.warn({ err: error }, "Bot Framework signing keys not reloaded; keeping the previous ones");
        return keys;
      }
      throw error instanceof SigningKeysUnavailableError ? error : new SigningKeysUnavailableError("Bot Framework signing keys unavailable", { cause: error });
    }
  };

  const reload = (): Promise<readonly TSigningKey[]> => {
    inFlight ??= load().finally(() => {
      inFlight = null;
    });
    return inFlight;
  };

  return {
    current: () => {
      const now = options.clock().getTime();
      if (keys !== null && now - loadedAt < maxAge) return Promise.resolve(keys);
      // Without any key, a failed load is not retried for every request that arrives.
      if (keys === null && inFlight === null && now - lastFailureAt < FAILURE_BACKOFF_MS)
        return Promise.reject(new SigningKeysUnavailableError("Bot Framework signing keys unavailable (last load failed)"));
      return reload();
    },
    refreshForUnknownKey: (kid) => {
      if (inFlight !== null) return inFlight;
      if (keys !== null && options.clock().getTime() - lastAttemptAt < minInterval) return Promise.resolve(keys);
      options.logger.info({ kid }, "token signed with an unknown key: reloading the Bot Framework signing keys");
      return reload();
    },
  };
}
