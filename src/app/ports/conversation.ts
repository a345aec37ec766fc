import type { TCard, TEffect } from "../conversation/effects.ts";
import type { TChoice, TIdentity, TInboundEvent, TSearchQuery } from "../conversation/events.ts";

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
  /**
   * A person's home (Slack's App Home, Teams' personal tab): their conventions with their state
   * (and "Nouvelle convention" for a student), then, for whoever decides (référent,
   * gestionnaire, admin), what waits for their decision. Someone the directory does not know
   * gets the card saying whom to contact.
   */
  home(identity: TIdentity): Promise<TCard[]>;
}
