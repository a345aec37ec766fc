import type { TCard, TEffect } from "../../app/conversation/effects.ts";
import type { TPlatform } from "../../app/conversation/events.ts";
import type { TLocale } from "../../i18n/translate.ts";

// The ports of the channel layer. Every platform (Slack, Teams, the playground) implements
// TChannelPort, the few things it can do with a card; what a channel remembers (posted
// messages, processed events, linked accounts) is behind TChannelRecords and
// TChatIdentityRecords, implemented on the application database in src/db/. Nothing under
// src/channels/ reaches the database any other way.

/** A person the channel speaks to: a directory person, or someone the directory does not know (personId null). */
export type TChatTarget<TRef> = {
  personId: number | null;
  email: string;
  locale: TLocale;
  /** The platform's account id (Slack user id, Teams AAD object id, the playground's person id). */
  userId: string;
  /** The conversation the person's messages live in (Slack DM channel, Teams conversation id, "person:<id>"). */
  channelId: string;
  /** What the platform needs to write there unprompted (Slack: the DM channel; Teams: the conversation reference). */
  ref: TRef;
};

/** What a posted card is, as the channel records it (PostedMessage.kind). */
export type TMessageRole =
  /** A convention's own card: its thread's parent (Slack), the card updated in place (Teams, playground). */
  | { kind: "progress"; conventionId: number }
  /** The progress card of a deleted draft. */
  | { kind: "closed"; conventionId: number }
  /** A notification posted once per key and updated in place (every copy of an approval card). */
  | { kind: "keyed"; key: string; conventionId: number | null }
  /** A notification without key, or a reply in a thread. */
  | { kind: "notify"; conventionId: number | null }
  | { kind: "post"; conventionId: number | null };

/** Where a card is posted: the thread it replies in (its parent's message id), what it is, and the outbox delivery it is part of. */
export type TPlacement = { threadId: string | null; role: TMessageRole; deliveryId?: string | undefined };

/** A document to attach (the validated convention's PDF). */
export type TFileEffect = Extract<TEffect, { kind: "file" }>;

/** The interaction effects answer: its platform's own context (a Slack trigger, a modal), and the outbox delivery they are. */
export type TInteraction<TContext> = {
  context?: TContext | undefined;
  /**
   * The outbox delivery these effects are (one effect each): what is posted is tagged with its
   * id, and when an earlier attempt was interrupted (`retried`), a message the platform already
   * shows for it is taken instead of posting a second one.
   */
  delivery?: { id: string; retried: boolean } | undefined;
};

/** What a platform does with cards; the shared applyEffects decides when (src/channels/shared/apply-effects.ts). */
export interface TChannelPort<TRef, TContext> {
  readonly platform: TPlatform;
  /** Posts a card in the target's conversation; returns the platform's message id. */
  post(target: TChatTarget<TRef>, card: TCard, placement: TPlacement): Promise<string>;
  /** Replaces a posted card; false when the message is gone (deleted by the person). The interaction may be a click on that very card. */
  update(target: TChatTarget<TRef>, messageId: string, card: TCard, role: TMessageRole, interaction: TInteraction<TContext>): Promise<boolean>;
  /** The message an interrupted attempt of this delivery posted, or null when the platform shows none. */
  findDelivered(target: TChatTarget<TRef>, threadId: string | null, deliveryId: string): Promise<string | null>;
  /**
   * Shows a form as the answer to the interaction (a modal, a dialog, a card in place); false
   * when this interaction cannot open one (typed text, an expired trigger): it is then posted.
   */
  openForm(target: TChatTarget<TRef>, form: Extract<TEffect, { kind: "form" }>, interaction: TInteraction<TContext>): Promise<boolean>;
  /** The form was accepted: closes it, or shows `outcome` in it where the platform cannot close it. */
  closeForm(target: TChatTarget<TRef>, outcome: TCard | undefined, interaction: TInteraction<TContext>): Promise<void>;
  /** Attaches a document in the conversation (in the thread `threadId` when given). */
  upload(target: TChatTarget<TRef>, file: TFileEffect, threadId: string | null): Promise<void>;
}

/** A message to remember: where, which, what, and for whom. */
export type TPostedRecord = { channelId: string; messageId: string; role: TMessageRole; recipientId: number | null };

/** What a channel remembers of its messages and of the events it processed, for one platform (PostedMessage, ProcessedEvent). */
export interface TChannelRecords {
  readonly platform: TPlatform;
  /** The message id of the convention's progress card in this conversation, or null before the first post. */
  progressOf(channelId: string, conventionId: number): Promise<string | null>;
  /** The message id posted for this key in this conversation, or null. */
  keyedOf(channelId: string, key: string): Promise<string | null>;
  /** Remembers a posted message (the same message again replaces what was remembered of it). */
  remember(record: TPostedRecord): Promise<void>;
  /** The convention whose thread this message is the parent of (or a keyed message about it), or null. */
  conventionOfThread(channelId: string, messageId: string): Promise<number | null>;
  /** True when this delivery id was already applied. */
  wasDelivered(deliveryId: string): Promise<boolean>;
  /** Records a delivery id as applied. */
  markDelivered(deliveryId: string): Promise<void>;
  /** Records that a delivery is being attempted; false when an earlier attempt began (and may have posted). */
  beginDelivery(deliveryId: string): Promise<boolean>;
  /** Records an incoming event id; false when it was already there (a retry, a double click). */
  claimEvent(eventId: string): Promise<boolean>;
  /** Records the signature of a request sent once; false when it is a replay. Signatures past the window are forgotten. */
  claimSignature(signature: string, now: Date): Promise<boolean>;
}

/** A directory person as the channel layer sees them. */
export type TChatPerson = { id: number; email: string; locale: string };

/** A platform account linked to a directory person, with what was saved to reach them. */
export type TChatLink = { teamId: string; userId: string; person: TChatPerson; conversationRef: unknown };

/** The links between platform accounts and directory people (ChatIdentity), and the directory lookups they need. */
export interface TChatIdentityRecords {
  /** The link of this account, or null. */
  linkOf(platform: TPlatform, teamId: string, userId: string): Promise<TChatLink | null>;
  /** The links of a person on a platform, most recently seen first. */
  linksOf(platform: TPlatform, personId: number): Promise<TChatLink[]>;
  /** Saves (or refreshes) the link of an account to a person, with where to reach them. */
  link(platform: TPlatform, teamId: string, userId: string, personId: number, conversationRef: unknown): Promise<void>;
  /** The directory person with this e-mail (lower-cased), or null. */
  personByEmail(email: string): Promise<TChatPerson | null>;
  /** The directory person with this id, or null. */
  personById(personId: number): Promise<TChatPerson | null>;
}

/** A logger as every channel uses it (pino: details first, then the message). */
export type TChannelLogger = {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
};
