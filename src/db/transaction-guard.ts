import { AsyncLocalStorage } from "node:async_hooks";
import type { SqlDriverAdapter, SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { AppError } from "../app/app-error.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";

// The embedded database has one connection. A query on the outer client while a transaction
// holds that connection waits for it forever (until the transaction times out), and on
// PostgreSQL it quietly takes a second connection from the pool. Either way it is a bug: this
// module makes it fail at once, on every database, with the query's place in the stack.

interface TTransactionScope {
  /**
   * True from the moment the transaction holds its connection until it settles: work it
   * started and left running is free again afterwards.
   */
  holding: boolean;
}

const scope = new AsyncLocalStorage<TTransactionScope>();

/** A query went to the outer client (or a transaction was nested) inside a transaction's callback. */
export class OuterClientInTransactionError extends Error {
  override name = "OuterClientInTransactionError";

  constructor(what: string) {
    super(`${what} on the outer Prisma client inside a transaction: use the transaction's client (tx), or move the work out of the transaction`);
  }
}

function assertOutsideTransaction(what: string): void {
  if (scope.getStore()?.holding) throw new OuterClientInTransactionError(what);
}

/** A database too busy to answer in time becomes AppError BUSY; anything else is rethrown as it is. */
function busyAsAppError(onBusy: (error: unknown) => void): (error: unknown) => never {
  return (error) => {
    if (!isDatabaseBusy(error)) throw error;
    onBusy(error);
    throw new AppError("BUSY");
  };
}

function guardedAdapter(inner: SqlDriverAdapter, onBusy: (error: unknown) => void): SqlDriverAdapter {
  const busy = busyAsAppError(onBusy);
  const adapter: SqlDriverAdapter = {
    provider: inner.provider,
    adapterName: inner.adapterName,
    queryRaw: (query) => {
      assertOutsideTransaction("A query");
      return inner.queryRaw(query).catch(busy);
    },
    executeRaw: (query) => {
      assertOutsideTransaction("A statement");
      return inner.executeRaw(query).catch(busy);
    },
    executeScript: (script) => {
      assertOutsideTransaction("A script");
      return inner.executeScript(script);
    },
    startTransaction: async (isolationLevel) => {
      assertOutsideTransaction("A nested transaction");
      const transaction = await inner.startTransaction(isolationLevel).catch(busy);
      const current = scope.getStore();
      if (current) current.holding = true;
      return transaction;
    },
    dispose: () => inner.dispose(),
  };
  const getConnectionInfo = inner.getConnectionInfo?.bind(inner);
  if (getConnectionInfo) adapter.getConnectionInfo = getConnectionInfo;
  return adapter;
}

/**
 * The driver adapter factory whose outer queries refuse to run inside a transaction's callback,
 * and whose queries that found the database too busy (no connection in time, statement or lock
 * timeout) reject with AppError BUSY.
 */
export function guardAdapterFactory(factory: SqlDriverAdapterFactory, onBusy: (error: unknown) => void = () => {}): SqlDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => guardedAdapter(await factory.connect(), onBusy),
  };
}

// Prisma's codes for "could not start / went on too long" (P2028) and the driver's for a
// connection not obtained in time: the database is busy, the person should try again.
// "BUSY" is our own AppError thrown by the guarded adapter, as Prisma passes its code on.
const BUSY_PRISMA_CODES = new Set(["P2028", "P2024", "BUSY"]);
// PostgreSQL: statement_timeout (57014), lock_timeout (55P03).
const BUSY_SQLSTATES = new Set(["57014", "55P03"]);

/** Whether `error` says the database was too busy to answer in time (worth trying again). */
export function isDatabaseBusy(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, message, meta, cause } = error as { code?: unknown; message?: unknown; meta?: unknown; cause?: unknown };
  if (typeof code === "string" && (BUSY_PRISMA_CODES.has(code) || BUSY_SQLSTATES.has(code))) return true;
  const driverCode = (meta as { driverAdapterError?: { cause?: { originalCode?: unknown } } } | undefined)?.driverAdapterError?.cause?.originalCode;
  if (typeof driverCode === "string" && BUSY_SQLSTATES.has(driverCode)) return true;
  if (typeof message === "string" && /timeout exceeded when trying to connect|Unable to start a transaction in the given time/i.test(message)) return true;
  return cause !== undefined && cause !== error && isDatabaseBusy(cause);
}

/**
 * Makes every `prisma.$transaction` of this client run in a scope the guarded adapter sees, so
 * that an outer query inside it throws OuterClientInTransactionError; a transaction that could
 * not start or finish in time rejects with AppError BUSY (the person is asked to try again).
 */
export function guardTransactions(client: PrismaClient, onBusy: (error: unknown) => void = () => {}): PrismaClient {
  const prisma = busyQueriesAsAppError(client, onBusy);
  const original = prisma.$transaction.bind(prisma) as (...args: unknown[]) => Promise<unknown>;
  const guarded = async (...args: unknown[]): Promise<unknown> => {
    // The outer client's $transaction inside a transaction's callback: another connection.
    assertOutsideTransaction("A nested transaction");
    const current: TTransactionScope = { holding: false };
    try {
      return await scope.run(current, () => original(...args));
    } catch (error) {
      if (error instanceof AppError || !isDatabaseBusy(error)) throw error;
      onBusy(error);
      throw new AppError("BUSY");
    } finally {
      current.holding = false;
    }
  };
  // The client's $transaction has overloads (array and callback forms); the wrapper passes both through.
  Object.defineProperty(prisma, "$transaction", { value: guarded, configurable: true, writable: true });
  return prisma;
}

// Prisma wraps what the adapter throws in its own error (keeping the code): a query that found the
// database busy is turned back into the AppError the conversation knows how to answer.
function busyQueriesAsAppError(prisma: PrismaClient, onBusy: (error: unknown) => void): PrismaClient {
  const extended = prisma.$extends({
    query: {
      async $allOperations({ args, query }) {
        try {
          // eslint-disable-next-line @typescript-eslint/no-unsafe-return -- Prisma types every operation's result as any
          return await query(args);
        } catch (error) {
          if (error instanceof AppError || !isDatabaseBusy(error)) throw error;
          onBusy(error);
          throw new AppError("BUSY");
        }
      },
    },
  });
  // A query extension adds no method: the extended client has the base client's shape.
  return extended as unknown as PrismaClient;
}
