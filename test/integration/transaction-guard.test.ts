// The embedded database has one connection: a query on the outer client while a transaction
// holds it would wait forever. The guarded client makes that mistake fail at once, on every
// database, and bounds every wait with a BUSY answer.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../../src/app/app-error.ts";
import { createDatabase, type TDatabase } from "../../src/db/create-database.ts";
import { isDatabaseBusy, OuterClientInTransactionError } from "../../src/db/transaction-guard.ts";
import { createEmptyDatabase } from "../support/test-database.ts";

/** A promise and the function that settles it: the test decides when the work goes on. */
function gate(): { opened: Promise<void>; open(): void } {
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

const FAST_LIMITS = { connectionMs: 400, transactionStartMs: 400, statementMs: 300, lockMs: 300 };

type TSetup = { database: TDatabase; busy: unknown[]; cleanup(): Promise<void> };

async function onPostgres(poolSize: number): Promise<TSetup> {
  const empty = await createEmptyDatabase("stagebot_guard");
  const busy: unknown[] = [];
  const database = await createDatabase({ databaseUrl: empty.url, poolSize, limits: FAST_LIMITS, onBusy: (error) => busy.push(error) });
  return {
    database,
    busy,
    cleanup: async () => {
      await database.close();
      await empty.drop();
    },
  };
}

async function onPglite(): Promise<TSetup> {
  const dataDir = mkdtempSync(join(tmpdir(), "stagebot-guard-"));
  const busy: unknown[] = [];
  const database = await createDatabase({ dataDir, limits: FAST_LIMITS, onBusy: (error) => busy.push(error) });
  return {
    database,
    busy,
    cleanup: async () => {
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const SETUPS: Array<[string, () => Promise<TSetup>]> = [
  ["PostgreSQL with a pool of one", () => onPostgres(1)],
  ["PostgreSQL with a pool of four", () => onPostgres(4)],
  ["the embedded PGlite", onPglite],
];

describe.each(SETUPS)("the guarded client on %s", (_name, setup) => {
  let context: TSetup;
  const prisma = () => context.database.prisma;

  beforeAll(async () => {
    context = await setup();
  }, 60_000);
  afterAll(async () => {
    await context?.cleanup();
  });

  it("refuses an outer-client query inside a transaction at once, and rolls the transaction back", async () => {
    const before = await prisma().pays.count();
    const attempt = prisma().$transaction(async (tx) => {
      await tx.pays.create({ data: { iso2: "ZZ", iso3: "ZZZ", label: "Zedland", labelEn: "Zedland" } });
      // The mistake: the outer client, not tx.
      await prisma().pays.count();
    });
    await expect(attempt).rejects.toBeInstanceOf(OuterClientInTransactionError);
    expect(await prisma().pays.count()).toBe(before);
  });

  it("refuses a transaction nested in another one", async () => {
    const attempt = prisma().$transaction(async () => {
      await prisma().$transaction(async (tx) => tx.pays.count());
    });
    await expect(attempt).rejects.toBeInstanceOf(OuterClientInTransactionError);
  });

  it("lets other requests wait for the connection and go on once the transaction ends", async () => {
    const hold = gate();
    let committed = false;
    const holder = prisma().$transaction(async (tx) => {
      await tx.pays.count();
      await hold.opened;
      committed = true;
    });
    // Another person's request, started while the transaction runs: not refused, answered after it.
    const other = prisma()
      .pays.count()
      .then((count) => ({ count, afterCommit: committed }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    hold.open();
    await holder;
    const answer = await other;
    expect(answer.count).toBe(0);
  });

  it("lets work started inside a transaction use the outer client once the transaction has ended", async () => {
    let later: Promise<number> | undefined;
    await prisma().$transaction(async (tx) => {
      await tx.pays.count();
      later = new Promise<void>((resolve) => setTimeout(resolve, 20)).then(() => prisma().pays.count());
    });
    await expect(later).resolves.toBeGreaterThanOrEqual(0);
  });
});

describe.each(SETUPS.filter(([name]) => name !== "PostgreSQL with a pool of four"))("bounded waits on %s", (_name, setup) => {
  let context: TSetup;
  const prisma = () => context.database.prisma;

  beforeAll(async () => {
    context = await setup();
  }, 60_000);
  afterAll(async () => {
    await context?.cleanup();
  });

  it("answers BUSY, and says so, when a transaction cannot start while the only connection is held", async () => {
    const hold = gate();
    const started = gate();
    const holder = prisma().$transaction(
      async (tx) => {
        await tx.pays.count();
        started.open();
        await hold.opened;
      },
      { timeout: 10_000 },
    );
    await started.opened;
    const waiting = prisma().$transaction(async (tx) => tx.pays.count());
    const outcome = await waiting.then(
      () => "answered",
      (error: unknown) => error,
    );
    hold.open();
    await holder;
    expect(outcome).toBeInstanceOf(AppError);
    expect((outcome as AppError).code).toBe("BUSY");
    expect(context.busy.length).toBeGreaterThan(0);
    // The connection is free again: the next request is answered.
    await expect(prisma().pays.count()).resolves.toBeGreaterThanOrEqual(0);
  });

  it("answers BUSY when a plain query cannot get the only connection in time", async () => {
    const hold = gate();
    const started = gate();
    const holder = prisma().$transaction(
      async (tx) => {
        await tx.pays.count();
        started.open();
        await hold.opened;
      },
      { timeout: 10_000 },
    );
    await started.opened;
    const outcome = await prisma()
      .pays.count()
      .then(
        () => "answered",
        (error: unknown) => error,
      );
    hold.open();
    await holder;
    expect(outcome).toBeInstanceOf(AppError);
    expect((outcome as AppError).code).toBe("BUSY");
  });
});

describe("statement and lock timeouts on PostgreSQL", () => {
  let context: TSetup;
  beforeAll(async () => {
    context = await onPostgres(2);
  }, 60_000);
  afterAll(async () => {
    await context?.cleanup();
  });

  it("cancels a statement that runs longer than the limit, with BUSY", async () => {
    await expect(context.database.prisma.$queryRaw`SELECT pg_sleep(2)`).rejects.toMatchObject({ code: "BUSY" });
  });

  it("fails a lock wait longer than the limit, with BUSY, and the holder commits", async () => {
    const prisma = context.database.prisma;
    const hold = gate();
    const locked = gate();
    const holder = prisma.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(42)`;
        await tx.$queryRaw`LOCK TABLE "Pays" IN ACCESS EXCLUSIVE MODE`;
        locked.open();
        await hold.opened;
      },
      { timeout: 10_000 },
    );
    await locked.opened;
    const waiting = prisma.pays.count().then(
      () => "answered",
      (error: unknown) => error,
    );
    const outcome = await waiting;
    hold.open();
    await holder;
    expect(outcome).toMatchObject({ code: "BUSY" });
  });
});

describe("isDatabaseBusy", () => {
  it.each([
    [{ code: "P2028", message: "Transaction API error: Unable to start a transaction in the given time." }, true],
    [{ code: "P2024", message: "Timed out fetching a new connection from the connection pool." }, true],
    [{ code: "57014", message: "canceling statement due to statement timeout" }, true],
    [{ name: "DriverAdapterError", cause: { originalCode: "55P03" }, meta: { driverAdapterError: { cause: { originalCode: "55P03" } } } }, true],
    [new Error("timeout exceeded when trying to connect"), true],
    [{ code: "P2002", message: "Unique constraint failed" }, false],
    [new Error("boom"), false],
    [null, false],
  ])("%o → %s", (error, expected) => {
    expect(isDatabaseBusy(error)).toBe(expected);
  });
});
