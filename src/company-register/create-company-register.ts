// The company register behind its PostgreSQL cache, a rate limiter and a timeout. Every failure
// of the register (slow, 429, 5xx, garbage) is an answer "unavailable", never an exception: the
// typeahead then shows the local base alone, with a note.
import { z } from "zod/v4";
import { normalizeSearchText } from "../domain/normalize-name.ts";
import type { TCompanyRegister, TRegisterAnswer, TRegisterCache, TRegisterEtablissement, TRegisterUnavailable } from "../app/ports/company-register.ts";
import { registerSites } from "./map-register-result.ts";
import { createRateLimiter, retryAfterMs, type TLimiterClock } from "./rate-limiter.ts";
import { ZRegisterPayload } from "./register-schema.ts";

/** The public API (open-api.yml, "servers"). */
export const PUBLIC_REGISTER_URL = "https://recherche-entreprises.api.gouv.fr";

/** The register asks for an explicit User-Agent (open-api.yml, "Limite des requêtes"). */
export const REGISTER_USER_AGENT = "Stagebot/1.0 (conventions de stage; +https://github.com/stagebot)";

/** The register's documented limit per IP address. */
export const REGISTER_REQUESTS_PER_SECOND = 7;

/** Results per page: the API's most (open-api.yml, per_page "limité à 25"). */
const PER_PAGE = 10;

/** The register's shortest useful query (it refuses shorter ones). */
export const REGISTER_MIN_QUERY = 3;

/** How the register is reached. */
export interface TCompanyRegisterOptions {
  baseUrl: string;
  timeoutMs: number;
  cacheTtlMs: number;
  cache: TRegisterCache;
  fetch?: typeof fetch;
  clock?: TLimiterClock;
  /** Told of every failure, for the operators' logs. */
  onUnavailable?: (reason: TRegisterUnavailable, detail: string) => void;
}

const realClock: TLimiterClock = { now: () => Date.now(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) };

class Unavailable extends Error {
  constructor(
    readonly reason: TRegisterUnavailable,
    detail: string,
  ) {
    super(detail);
  }
}

function dedupeBySiret(sites: readonly TRegisterEtablissement[]): TRegisterEtablissement[] {
  return [...new Map(sites.map((site) => [site.siret, site])).values()];
}

/** The register answering nothing: COMPANY_REGISTER=off. */
export const registerOff: TCompanyRegister = { search: async () => ({ status: "off" }) };

/** The register at `baseUrl` (the public API, or a local fake in tests), cached, limited, timed out. */
export function createCompanyRegister(options: TCompanyRegisterOptions): TCompanyRegister {
  const doFetch = options.fetch ?? fetch;
  const clock = options.clock ?? realClock;
  const limiter = createRateLimiter(REGISTER_REQUESTS_PER_SECOND, clock);

  async function request(query: string): Promise<TRegisterEtablissement[]> {
    const url = new URL("/search", options.baseUrl);
    url.searchParams.set("q", query);
    url.searchParams.set("per_page", String(PER_PAGE));
    let response: Response;
    let body: string;
    try {
      response = await doFetch(url, {
        headers: { accept: "application/json", "user-agent": REGISTER_USER_AGENT },
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      body = await response.text();
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
      throw new Unavailable(timedOut ? "timeout" : "network", error instanceof Error ? error.message : String(error));
    }
    if (response.status === 429) {
      limiter.pauseFor(retryAfterMs(response.headers.get("retry-after"), clock.now()));
      throw new Unavailable("rate_limited", `429, Retry-After ${response.headers.get("retry-after") ?? "absent"}`);
    }
    if (!response.ok) throw new Unavailable("http_error", `HTTP ${response.status}`);
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      throw new Unavailable("malformed", "not JSON");
    }
    const parsed = ZRegisterPayload.safeParse(json);
    if (!parsed.success) throw new Unavailable("malformed", z.prettifyError(parsed.error));
    return dedupeBySiret(parsed.data.results.flatMap(registerSites));
  }

  return {
    async search(text) {
      // "552 100 554 00013" is a SIRET: sent as its digits, for the register's direct search.
      const digits = text.replace(/\s/gu, "");
      const query = /^(\d{9}|\d{14})$/u.test(digits) ? digits : normalizeSearchText(text);
      if (query.replace(/\s/gu, "").length < REGISTER_MIN_QUERY) return { status: "ok", etablissements: [] };
      const key = `search:${query}`;
      const now = clock.now();
      const cached = await options.cache.get(key, new Date(now - options.cacheTtlMs));
      if (cached !== null) return { status: "ok", etablissements: cached };
      try {
        // Waiting for a slot is part of the answer's time: no longer than the timeout.
        if (!(await limiter.acquire(options.timeoutMs))) throw new Unavailable("rate_limited", "waiting for the rate limit or a Retry-After");
        const etablissements = await request(query);
        await options.cache.put(key, etablissements, new Date(clock.now()));
        return { status: "ok", etablissements } satisfies TRegisterAnswer;
      } catch (error) {
        if (!(error instanceof Unavailable)) throw error;
        options.onUnavailable?.(error.reason, error.message);
        return { status: "unavailable", reason: error.reason };
      }
    },
  };
}

/** Whether the register is used: COMPANY_REGISTER "on"/"off", or "auto" (on with Slack or Teams, off in the offline playground). */
export function registerEnabled(setting: "auto" | "on" | "off", playground: boolean): boolean {
  return setting === "on" || (setting === "auto" && !playground);
}
