import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createEtablissement } from "../../src/app/hosts/create-etablissement.ts";
import { chooseRegisterEtablissement } from "../../src/app/hosts/prefill-from-register.ts";
import { searchHosts, type TRegisterHostDeps } from "../../src/app/hosts/search-hosts.ts";
import type { TCompanyRegister } from "../../src/app/ports/company-register.ts";
import { createCompanyRegister, REGISTER_USER_AGENT } from "../../src/company-register/create-company-register.ts";
import { createRateLimiter, type TLimiterClock } from "../../src/company-register/rate-limiter.ts";
import { createRegisterCache } from "../../src/db/company-register-cache.ts";
import { createHostDirectory } from "../../src/db/host-directory.ts";
import { loadActorByEmail } from "../../src/db/load-actor.ts";
import { seedDemo } from "../../src/db/seed/seed-demo.ts";
import { seedReferenceData } from "../../src/db/seed/seed-reference-data.ts";
import type { TActor } from "../../src/domain/permissions.ts";
import { FAKE_COMPANIES, startFakeRegister, type TFakeRegister } from "../support/fake-company-register.ts";
import { createTestDatabase } from "../support/test-database.ts";

/** A clock the test moves by hand; sleeping advances it and is recorded. */
function manualClock(): TLimiterClock & { sleeps: number[]; advance(ms: number): void } {
  let now = 1_000_000;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
    advance: (ms) => {
      now += ms;
    },
  };
}

describe("the company register (fake API Recherche d'entreprises on 127.0.0.1)", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let fake: TFakeRegister;
  let student: TActor;
  let clock: ReturnType<typeof manualClock>;
  let deps: TRegisterHostDeps;

  function registerWith(timeoutMs = 2000): TCompanyRegister {
    return createCompanyRegister({ baseUrl: fake.url, timeoutMs, cacheTtlMs: 24 * 3600_000, cache: createRegisterCache(database.prisma), clock });
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedReferenceData(database.prisma);
    await seedDemo(database.prisma);
    fake = await startFakeRegister(FAKE_COMPANIES);
    student = await loadActorByEmail(database.prisma, "ines.haddad@etu.univ-demo.fr");
  });

  afterAll(async () => {
    await fake?.close();
    await database?.drop();
  });

  beforeEach(async () => {
    fake.setMode({ kind: "ok" });
    fake.requests.length = 0;
    clock = manualClock();
    await database.prisma.companyRegisterCache.deleteMany();
    deps = { hosts: createHostDirectory(database.prisma), register: registerWith() };
  });

  it("searches by name: local results first, register sites after, a SIRET known locally only once, with the User-Agent", async () => {
    const result = await searchHosts(deps, "calanques");
    expect(result.registerStatus).toBe("ok");
    expect(result.local.map((choice) => choice.title)).toEqual([expect.stringContaining("Calanques Numériques")]);
    expect(result.register.map((site) => site.siret)).not.toContain("84321765400014");
    expect(fake.requests[0]?.headers["user-agent"]).toBe(REGISTER_USER_AGENT);
    const provence = await searchHosts(deps, "provence");
    expect(provence.register.map((site) => [site.siret, site.closed])).toEqual([
      ["55210055400013", false],
      ["44306184100013", true],
    ]);
  });

  it("searches by SIRET (spaces allowed): the register's direct search returns that site only", async () => {
    const result = await searchHosts(deps, "552 100 554 00021");
    expect(fake.requests.at(-1)?.q).toBe("55210055400021");
    expect(result.register).toEqual([
      expect.objectContaining({ siret: "55210055400021", city: "TOULON", postalCode: "83000", addressLine: "3 AVENUE DE TOULON" }),
    ]);
    const local = await searchHosts(deps, "84321765400014");
    expect(local.register).toEqual([]);
    expect(local.local).toHaveLength(1);
  });

  it("caches answers in PostgreSQL: the same search does not call the register again", async () => {
    await searchHosts(deps, "provence");
    await searchHosts(deps, "Provence");
    expect(fake.requests).toHaveLength(1);
    expect(await database.prisma.companyRegisterCache.count()).toBe(1);
  });

  it("choosing a register site prefills the établissement; the student completes it and it is created", async () => {
    const choice = await chooseRegisterEtablissement(deps, "55210055400021");
    expect(choice).toEqual({
      kind: "prefill",
      fields: {
        raisonSociale: "PROVENCE LOGICIELS",
        siret: "55210055400021",
        nafCode: "62.02A",
        statutJuridiqueCode: "SAS",
        typeStructureCode: "ENTREPRISE_PRIVEE",
        effectifCode: "EFF_1_9",
        addressLine: "3 AVENUE DE TOULON",
        postalCode: "83000",
        city: "TOULON",
        countryIso2: "FR",
      },
    });
    if (choice.kind !== "prefill") throw new Error("expected a prefill");
    const { etablissement } = await createEtablissement(deps, student, { ...choice.fields, phone: "04 91 00 00 00" });
    const stored = await database.prisma.etablissement.findUniqueOrThrow({ where: { id: etablissement.id } });
    expect(stored).toMatchObject({ raisonSociale: "PROVENCE LOGICIELS", siret: "55210055400021", city: "TOULON", statutJuridiqueCode: "SAS" });
    // Chosen again: the établissement now in the base, never a second one.
    expect(await chooseRegisterEtablissement(deps, "55210055400021")).toEqual({
      kind: "existing",
      etablissement: { id: stored.id, label: expect.any(String) },
    });
    expect((await searchHosts(deps, "55210055400021")).register).toEqual([]);
  });

  it("refuses a closed company", async () => {
    await expect(chooseRegisterEtablissement(deps, "44306184100013")).rejects.toMatchObject({
      code: "INVALID_INPUT",
      details: { kind: "fields", errors: [{ field: "etablissementId", code: "register_closed" }] },
    });
  });

  it.each([
    ["a slow register (over the timeout)", { kind: "slow", ms: 1500 } as const, "timeout"],
    ["a 500", { kind: "error", status: 500 } as const, "http_error"],
    ["malformed JSON", { kind: "malformed", body: '{"results": [ {"siren": ' } as const, "malformed"],
    ["JSON not in the documented format", { kind: "malformed", body: '{"results": [{"siren": 42}]}' } as const, "malformed"],
    ["a 429", { kind: "rate_limited", retryAfter: "3" } as const, "rate_limited"],
  ])("%s leaves the local search working, with the note", async (_label, mode, reason) => {
    fake.setMode(mode);
    deps = { ...deps, register: registerWith(200) };
    expect(await deps.register.search("calanques")).toEqual({ status: "unavailable", reason });
    const result = await searchHosts(deps, "calanques");
    expect(result.registerStatus).toBe("unavailable");
    expect(result.local.map((choice) => choice.title)).toEqual([expect.stringContaining("Calanques Numériques")]);
  });

  it("after a 429 the limiter waits as Retry-After told: no request before, one after", async () => {
    fake.setMode({ kind: "rate_limited", retryAfter: "3" });
    expect((await deps.register.search("provence")).status).toBe("unavailable");
    fake.setMode({ kind: "ok" });
    expect(await deps.register.search("provence logiciels")).toEqual({ status: "unavailable", reason: "rate_limited" });
    expect(fake.requests).toHaveLength(1);
    clock.advance(1500);
    // 1.5 s left of the pause: within the 2 s budget, so the limiter sleeps that long, then asks.
    expect((await deps.register.search("provence logiciels")).status).toBe("ok");
    expect(clock.sleeps).toEqual([1500]);
    expect(fake.requests).toHaveLength(2);
  });

  it("spaces requests to 7 a second", async () => {
    const limiterClock = manualClock();
    const limiter = createRateLimiter(7, limiterClock);
    for (let i = 0; i < 7; i++) expect(await limiter.acquire(0)).toBe(true);
    expect(await limiter.acquire(500)).toBe(false);
    expect(await limiter.acquire(2000)).toBe(true);
    expect(limiterClock.sleeps).toEqual([1000]);
  });

  it("off: no request at all", async () => {
    const { registerOff } = await import("../../src/company-register/create-company-register.ts");
    const result = await searchHosts({ ...deps, register: registerOff }, "provence");
    expect(result).toMatchObject({ registerStatus: "off", register: [] });
    expect(fake.requests).toHaveLength(0);
  });
});
