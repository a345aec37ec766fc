import type { TActor } from "../../domain/permissions.ts";
import type { TClock } from "../ports/clock.ts";
import type { TDeadLetter, TDeadLetters } from "../ports/operations.ts";
import { assertOperator } from "./assert-operator.ts";

/** How many dead letters a card lists (a Slack message holds 50 blocks, each line takes two). */
export const DEAD_LETTERS_SHOWN = 20;

/** An administrator's list of the notifications that could not be delivered, oldest first, with their reason. */
export async function listDeadLetters(deps: { deadLetters: TDeadLetters }, actor: TActor): Promise<{ items: TDeadLetter[]; total: number }> {
  assertOperator(actor);
  return deps.deadLetters.list(DEAD_LETTERS_SHOWN);
}

/**
 * An administrator puts one dead letter back in the queue: the dispatcher delivers it once
 * (what had already reached the person is skipped). A row that is no longer dead is left alone
 * (false), so a second click does not deliver it twice.
 */
export async function requeueDeadLetter(deps: { deadLetters: TDeadLetters; clock: TClock }, actor: TActor, outboxId: string): Promise<boolean> {
  assertOperator(actor);
  return (await deps.deadLetters.requeue([outboxId], deps.clock())) === 1;
}
