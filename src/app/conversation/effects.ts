import type { TCard } from "../../cards/card-contract.ts";

export type { TCard } from "../../cards/card-contract.ts";

/**
 * What the core asks a channel to do. `conventionId` names the convention's thread;
 * null is the person's main conversation with the bot (DM, personal chat).
 */
export type TEffect =
  /** The thread's parent message: posted once, then updated in place after every change. */
  | { kind: "progress"; conventionId: number; card: TCard }
  /** A new message in the thread (or in the main conversation). */
  | { kind: "post"; conventionId: number | null; card: TCard }
  /**
   * A form to fill (Slack modal, Teams task module, playground dialog). When it answers a
   * submission that had errors, `errors` maps each input id to its message (Slack's
   * response_action "errors"); the card shows them next to the fields too.
   */
  | { kind: "form"; conventionId: number | null; card: TCard; errors?: Record<string, string> }
  /** The submitted form was accepted: close it. */
  | { kind: "close_form" }
  /** The convention no longer exists (a deleted draft): its thread is closed. */
  | { kind: "thread_closed"; conventionId: number; card: TCard }
  /**
   * A message for another person, in their own conversation with the bot. With a `key`, the
   * message is posted once and later notifications with the same key update it in place
   * (every copy of an approval card after a decision).
   */
  | { kind: "notify"; personId: number; conventionId: number | null; card: TCard; key?: string }
  /** A document (the validated convention's PDF) attached in the thread, with a comment. */
  | { kind: "file"; conventionId: number | null; filename: string; content: Buffer; sha256: string; comment: string };
