// `npm run outbox -- list | requeue <id>… | requeue --dead [--lang en]`: the notifications that
// could not be delivered, and putting them back in the queue (each is then delivered once, by
// whichever instance runs the dispatcher). Exit codes: 0 done, 1 nothing done or failure, 2 usage.
import { parseArgs } from "node:util";
import { loadConfig } from "../config.ts";
import { createDatabase } from "../db/create-database.ts";
import { createDeadLetters, isOutboxId } from "../db/dead-letters.ts";
import { toLocale, translate, type TLocale } from "../i18n/translate.ts";

const LIST_LIMIT = 500;

async function withDeadLetters<T>(work: (deadLetters: ReturnType<typeof createDeadLetters>) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await createDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, poolSize: 2 });
  try {
    return await work(createDeadLetters(database.prisma));
  } finally {
    await database.close();
  }
}

async function list(locale: TLocale): Promise<number> {
  return withDeadLetters(async (deadLetters) => {
    const { items, total } = await deadLetters.list(LIST_LIMIT);
    if (total === 0) {
      console.log(translate(locale, "operations:cli.outboxEmpty"));
      return 0;
    }
    console.log(translate(locale, "operations:cli.outboxHeader"));
    for (const item of items) {
      console.log(
        translate(locale, "operations:cli.outboxLine", {
          id: item.id,
          kind: item.kind,
          recipient: item.recipient ? `${item.recipient.name} <${item.recipient.email}>` : "-",
          convention: item.numero ?? item.conventionId ?? "-",
          attempts: item.attempts,
          createdAt: item.createdAt.toISOString(),
          reason: (item.lastError ?? "-").replace(/\s+/gu, " "),
        }),
      );
    }
    if (total > items.length) console.log(translate(locale, "operations:cli.outboxMore", { hidden: total - items.length, shown: items.length }));
    return 0;
  });
}

async function requeue(locale: TLocale, ids: string[] | "all"): Promise<number> {
  return withDeadLetters(async (deadLetters) => {
    if (ids === "all") {
      console.log(translate(locale, "operations:cli.outboxRequeued", { total: await deadLetters.requeue("all", new Date()) }));
      return 0;
    }
    let requeued = 0;
    for (const id of ids) {
      // One at a time, to say which was not dead.
      const count = await deadLetters.requeue([id], new Date());
      if (count === 0) console.error(translate(locale, "operations:cli.outboxNotDead", { id }));
      requeued += count;
    }
    console.log(translate(locale, "operations:cli.outboxRequeued", { total: requeued }));
    return requeued === ids.length ? 0 : 1;
  });
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { lang: { type: "string" }, dead: { type: "boolean", default: false } },
    allowPositionals: true,
    strict: false,
  });
  const locale = toLocale(typeof values.lang === "string" ? values.lang : undefined);
  const [command, ...rest] = positionals;
  const usage = () => {
    console.error(translate(locale, "operations:cli.outboxUsage"));
    return 2;
  };
  try {
    if (command === "list" && rest.length === 0 && !values.dead) return await list(locale);
    if (command === "requeue" && values.dead === true && rest.length === 0) return await requeue(locale, "all");
    if (command === "requeue" && values.dead !== true && rest.length > 0) {
      const bad = rest.find((id) => !isOutboxId(id));
      if (bad !== undefined) {
        console.error(translate(locale, "operations:cli.outboxBadId", { id: bad }));
        return 2;
      }
      return await requeue(locale, rest);
    }
    return usage();
  } catch (error) {
    console.error(translate(locale, "operations:cli.failed", { detail: error instanceof Error ? error.message : String(error) }));
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
