import type { TCard, TEffect } from "./effects.ts";
import type { TChoice, TIdentity, TInboundEvent, TSearchQuery } from "./events.ts";

/**
 * The conversation core as channels see it: an event in, effects out; a typeahead query in,
 * choices out. Unknown people get a message saying whom to contact, and nothing is created.
 */
export interface TConversation {
  handle(identity: TIdentity, event: TInboundEvent): Promise<TEffect[]>;
  search(identity: TIdentity, query: TSearchQuery): Promise<TChoice[]>;
  /** The person's directory id, or null when their e-mail is not in the directory. */
  personIdOf(email: string): Promise<number | null>;
  /**
   * The current cards of a person's threads (progress card of each convention they can see),
   * for a channel that rebuilds its view (the playground after a restart).
   */
  threads(identity: TIdentity): Promise<Array<{ conventionId: number; title: string; progress: TCard }>>;
}
