import type { TCard, TEffect } from "../../app/conversation/effects.ts";
import type { TChannelDeps } from "../shared/apply-effects.ts";
import { createChatIdentities, type TChatIdentities } from "../shared/chat-identities.ts";
import type { TChannelLogger, TChannelPort, TChannelRecords, TChatIdentityRecords, TMessageRole } from "../shared/ports.ts";

// The playground's side of the channel port. The page keeps nothing: every card the person is
// shown is a stored message (TPlaygroundMessages), and the page redraws the threads that
// changed. A form is the page's dialog: it goes back in the HTTP answer of the click that asked
// for it (TPlaygroundAnswer), never into a thread.

/** A stored playground message, as the database gives it back. */
export type TPlaygroundRow = { id: number; threadId: string | null; kind: string; content: unknown; updatedAt: Date };

/** The playground's messages (PostedMessage, platform WEB, channel "person:<id>", the card as content). */
export interface TPlaygroundMessages {
  /** Stores a card in the person's conversation; returns its message id (the same progress card, key or delivery is one row). */
  post(personId: number, card: TCard, role: TMessageRole, deliveryId: string | undefined): Promise<string>;
  /** Replaces the card of a stored message; false when there is none. */
  replace(personId: number, messageId: string, card: TCard, role: TMessageRole): Promise<boolean>;
  /** Whether this message is stored. */
  has(personId: number, messageId: string): Promise<boolean>;
  /** Writes the current progress cards the core knows (conventions changed by others, or never shown here); unchanged ones are left alone. */
  syncProgress(personId: number, progress: ReadonlyArray<{ conventionId: number; card: TCard }>): Promise<void>;
  /** Every stored message of the person, oldest first. */
  rows(personId: number): Promise<TPlaygroundRow[]>;
}

/** A playground person is reached by their directory id. */
export type TWebRef = { personId: number };

/** What the page gets back about its dialog: the form to show (with errors under its fields), or that it closes. */
export type TPlaygroundAnswer = { form: TCard | null; errors: Record<string, string> | null; closeForm: boolean };

/** The dependencies of the shared layer, for the playground. */
export type TPlaygroundChannel = TChannelDeps<TWebRef, TPlaygroundAnswer>;

/** The channel port on the stored messages. */
export function createPlaygroundPort(messages: TPlaygroundMessages, logger: TChannelLogger): TChannelPort<TWebRef, TPlaygroundAnswer> {
  return {
    platform: "WEB",
    post: (target, card, placement) => messages.post(target.ref.personId, card, placement.role, placement.deliveryId),
    update: (target, messageId, card, role) => messages.replace(target.ref.personId, messageId, card, role),
    async findDelivered(target, _threadId, deliveryId) {
      return (await messages.has(target.ref.personId, deliveryId)) ? deliveryId : null;
    },
    async openForm(_target, form, interaction) {
      const answer = interaction.context;
      if (answer === undefined) return false;
      Object.assign(answer, { form: form.card, errors: form.errors ?? null, closeForm: false });
      return true;
    },
    async closeForm(_target, _outcome, interaction) {
      if (interaction.context !== undefined) Object.assign(interaction.context, { form: null, errors: null, closeForm: true });
    },
    // The page offers documents through the signed download link of the notice that comes with them.
    async upload(target, file) {
      logger.info({ personId: target.personId, filename: file.filename, sha256: file.sha256 }, "document offered in the playground by its download link");
    },
  };
}

/** Everyone of the directory can be picked in the page: a person is reachable as soon as they exist. */
export function createPlaygroundIdentities(records: TChatIdentityRecords): TChatIdentities<TWebRef> {
  return createChatIdentities<TWebRef>("WEB", records, {
    async profileOf(_teamId, userId) {
      const person = await records.personById(Number(userId));
      return { email: person?.email ?? "", locale: person?.locale };
    },
    open: async (_teamId, userId) => ({ personId: Number(userId) }),
    async findByEmail(email) {
      const person = await records.personByEmail(email);
      return person === null ? null : { teamId: "", userId: String(person.id) };
    },
    parseRef(saved) {
      const personId = (saved as { personId?: unknown } | null)?.personId;
      return typeof personId === "number" && Number.isInteger(personId) ? { personId } : null;
    },
    channelOf: (ref) => `person:${ref.personId}`,
  });
}

/** The playground's channel: its port, records and identities. */
export function createPlaygroundChannel(deps: {
  messages: TPlaygroundMessages;
  records: TChannelRecords;
  identityRecords: TChatIdentityRecords;
  logger: TChannelLogger;
}): TPlaygroundChannel {
  return {
    port: createPlaygroundPort(deps.messages, deps.logger),
    records: deps.records,
    identities: createPlaygroundIdentities(deps.identityRecords),
    logger: deps.logger,
  };
}

/** The threads an event's effects changed for the person who sent it (the page reloads those). */
export function changedThreadsOf(personId: number, effects: readonly TEffect[]): Array<number | null> {
  const changed: Array<number | null> = [];
  const add = (key: number | null) => {
    if (!changed.includes(key)) changed.push(key);
  };
  for (const effect of effects) {
    if (effect.kind === "progress" || effect.kind === "thread_closed" || effect.kind === "post") add(effect.conventionId);
    if (effect.kind === "notify" && effect.personId === personId) add(effect.conventionId);
  }
  return changed;
}
