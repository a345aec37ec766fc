import { toLocale } from "../../i18n/translate.ts";
import type { TPlatform } from "../../app/conversation/events.ts";
import type { TChatIdentityRecords, TChatLink, TChatPerson, TChatTarget } from "./ports.ts";

// A platform account is the directory person with the e-mail the platform gives for it (Slack
// users.info, Teams' member info). Once matched, the link is kept (ChatIdentity: platform,
// team or tenant, account → person) with where to reach the person, so that later events and
// notifications need no platform call to find whom and where.

/** What a platform tells of its accounts, for the identities below. */
export interface TPlatformAccounts<TRef> {
  /** The account's e-mail (as the platform has it) and locale. */
  profileOf(teamId: string, userId: string): Promise<{ email: string; locale?: string | undefined }>;
  /** Opens (or finds) the person's conversation with the bot: what to save to write there later. */
  open(teamId: string, userId: string): Promise<TRef>;
  /** The account with this e-mail, or null when the platform has none (or it is deactivated). */
  findByEmail(email: string): Promise<{ teamId: string; userId: string } | null>;
  /** A saved ref read back; null when it does not hold what the platform needs now. */
  parseRef(saved: unknown): TRef | null;
  /** The conversation id a ref writes to. */
  channelOf(ref: TRef): string;
}

/** Finds people behind platform accounts and accounts behind people. */
export interface TChatIdentities<TRef> {
  /** The target for an account (personId null when their e-mail is unknown to the directory). */
  ofUser(teamId: string, userId: string): Promise<TChatTarget<TRef>>;
  /** The target of a person, or null when they have no account on this platform. */
  ofPerson(personId: number): Promise<TChatTarget<TRef> | null>;
}

/** The identities of one platform, on the records of the application database. */
export function createChatIdentities<TRef>(platform: TPlatform, records: TChatIdentityRecords, accounts: TPlatformAccounts<TRef>): TChatIdentities<TRef> {
  const targetOf = (person: TChatPerson, userId: string, ref: TRef): TChatTarget<TRef> => ({
    personId: person.id,
    email: person.email,
    locale: toLocale(person.locale),
    userId,
    channelId: accounts.channelOf(ref),
    ref,
  });

  const known = (link: TChatLink): TChatTarget<TRef> | null => {
    const ref = accounts.parseRef(link.conversationRef);
    return ref === null ? null : targetOf(link.person, link.userId, ref);
  };

  async function link(teamId: string, userId: string, person: TChatPerson): Promise<TChatTarget<TRef>> {
    const ref = await accounts.open(teamId, userId);
    await records.link(platform, teamId, userId, person.id, ref);
    return targetOf(person, userId, ref);
  }

  return {
    async ofUser(teamId, userId) {
      const saved = await records.linkOf(platform, teamId, userId);
      const target = saved === null ? null : known(saved);
      if (target !== null) return target;
      const profile = await accounts.profileOf(teamId, userId);
      const email = profile.email.trim().toLowerCase();
      const person = email === "" ? null : await records.personByEmail(email);
      if (person !== null) return link(teamId, userId, person);
      // Someone the directory does not know: answered where they wrote, nothing saved.
      const ref = await accounts.open(teamId, userId);
      return { personId: null, email, locale: toLocale(profile.locale), userId, channelId: accounts.channelOf(ref), ref };
    },

    async ofPerson(personId) {
      for (const saved of await records.linksOf(platform, personId)) {
        const target = known(saved);
        if (target !== null) return target;
      }
      // Someone who never wrote to the bot (a référent receiving their first approval card):
      // their account is found by the directory's e-mail.
      const person = await records.personById(personId);
      if (person === null) return null;
      const account = await accounts.findByEmail(person.email);
      return account === null ? null : link(account.teamId, account.userId, person);
    },
  };
}
