import { TeamsInfo, type TurnContext, type CloudAdapter } from "botbuilder";
import { z } from "zod/v4";
import { toLocale } from "../../i18n/translate.ts";
import type { TChatIdentities } from "../shared/chat-identities.ts";
import type { TChannelLogger, TChatIdentityRecords, TChatLink, TChatTarget } from "../shared/ports.ts";
import type { TTeamsDirectory } from "./teams-graph.ts";

// A Teams user is the directory person with the e-mail of their Teams account (the member's
// `email`, else their `userPrincipalName`, as the connector gives it for the conversation).
// The link (ChatIdentity: platform TEAMS, the tenant, the user's AAD object id) keeps the
// conversation reference of their personal chat with the bot as plain JSON ids, which is all
// a proactive message needs (and what the Teams SDK accepts too).

/** Where Stagebot writes to a Teams user: their personal chat with the bot. */
export const ZTeamsRef = z.object({
  serviceUrl: z.string().url(),
  tenantId: z.string(),
  conversationId: z.string().min(1),
  /** The user's id in this bot's conversations ("29:…"). */
  userId: z.string().min(1),
  botId: z.string(),
});

export type TTeamsRef = z.infer<typeof ZTeamsRef>;

/** A Teams user as the adapter speaks to them (channelId is the personal chat's conversation id). */
export type TTeamsTarget = TChatTarget<TTeamsRef>;

/** Teams identities: from an incoming activity, or for a person of the directory. */
export interface TTeamsIdentities extends TChatIdentities<TTeamsRef> {
  /** The sender of an activity, linked (or refreshed) when their e-mail is in the directory. */
  ofActivity(context: TurnContext): Promise<TTeamsTarget>;
}

/** The conversation reference of an activity's personal chat, as stored. */
export function refOfActivity(context: TurnContext): TTeamsRef {
  const activity = context.activity;
  return {
    serviceUrl: activity.serviceUrl,
    tenantId: activity.conversation.tenantId ?? (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id ?? "",
    conversationId: activity.conversation.id,
    userId: activity.from.id,
    botId: activity.recipient.id,
  };
}

/** The account key of an activity's sender: their tenant and AAD object id (their Teams id when the object id is missing). */
function accountOf(context: TurnContext): { tenantId: string; userId: string } {
  const ref = refOfActivity(context);
  return { tenantId: ref.tenantId, userId: context.activity.from.aadObjectId ?? context.activity.from.id };
}

/** Where a 1:1 chat with someone who never wrote to the bot is opened (Graph finds them by e-mail). */
export type TTeamsReach = {
  directory: TTeamsDirectory;
  adapter: CloudAdapter;
  appId: string;
  tenantId: string;
  /** The connector's serviceUrl for a new chat before any activity told it (Teams' public one by default). */
  serviceUrl: string;
};

/** The public serviceUrl of Teams, for a chat opened before any activity gave the tenant's own. */
export const TEAMS_PUBLIC_SERVICE_URL = "https://smba.trafficmanager.net/teams/";

/** True when the connector refused because the app is not installed for the person (or the bot is blocked). */
function isNotReachable(error: unknown): boolean {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return status === 403 || status === 404;
}

/** The Teams identities on the identity records; with `reach`, people who never wrote are found in Graph and their chat opened. */
export function createTeamsIdentities(deps: { records: TChatIdentityRecords; logger: TChannelLogger; reach?: TTeamsReach | undefined }): TTeamsIdentities {
  const { records } = deps;
  // The serviceUrl of the latest activity: the tenant's own region, better than the public one.
  let seenServiceUrl: string | null = null;

  /** Opens the 1:1 chat of a tenant user with the bot; null when the app is not installed for them. */
  async function openChat(reach: TTeamsReach, objectId: string): Promise<TTeamsRef | null> {
    const serviceUrl = seenServiceUrl ?? reach.serviceUrl;
    let opened: TTeamsRef | null = null;
    const parameters = {
      isGroup: false,
      bot: { id: `28:${reach.appId}`, name: "Stagebot" },
      members: [{ id: objectId, name: "" }],
      tenantId: reach.tenantId,
      channelData: { tenant: { id: reach.tenantId } },
      activity: undefined as never,
    };
    try {
      await reach.adapter.createConversationAsync(reach.appId, "msteams", serviceUrl, "https://api.botframework.com", parameters, async (context) => {
        opened = { serviceUrl, tenantId: reach.tenantId, conversationId: context.activity.conversation.id, userId: objectId, botId: `28:${reach.appId}` };
      });
    } catch (error) {
      if (!isNotReachable(error)) throw error;
      deps.logger.warn(
        { status: (error as { statusCode?: unknown }).statusCode },
        "Teams: the app is not installed for this person, or the bot is blocked: not reachable yet",
      );
      return null;
    }
    return opened;
  }
  const targetOf = (link: TChatLink): TTeamsTarget | null => {
    const ref = ZTeamsRef.safeParse(link.conversationRef);
    if (!ref.success) return null;
    return {
      personId: link.person.id,
      email: link.person.email,
      locale: toLocale(link.person.locale),
      userId: link.userId,
      channelId: ref.data.conversationId,
      ref: ref.data,
    };
  };

  async function emailOf(context: TurnContext): Promise<{ email: string; locale: string | undefined }> {
    const member = await TeamsInfo.getMember(context, context.activity.from.id);
    return { email: (member.email ?? member.userPrincipalName ?? "").trim().toLowerCase(), locale: context.activity.locale };
  }

  return {
    async ofActivity(context) {
      const { tenantId, userId } = accountOf(context);
      const ref = refOfActivity(context);
      seenServiceUrl = ref.serviceUrl;
      const saved = await records.linkOf("TEAMS", tenantId, userId);
      const known = saved === null ? null : targetOf(saved);
      // The same chat as saved: nothing to refresh (a new serviceUrl or chat is saved again).
      if (known !== null && known.ref.conversationId === ref.conversationId && known.ref.serviceUrl === ref.serviceUrl) return known;
      const profile = await emailOf(context);
      const person = profile.email === "" ? null : await records.personByEmail(profile.email);
      if (person === null) return { personId: null, email: profile.email, locale: toLocale(profile.locale), userId, channelId: ref.conversationId, ref };
      await records.link("TEAMS", tenantId, userId, person.id, ref);
      return { personId: person.id, email: person.email, locale: toLocale(person.locale), userId, channelId: ref.conversationId, ref };
    },

    async ofUser(teamId, userId) {
      const saved = await records.linkOf("TEAMS", teamId, userId);
      const known = saved === null ? null : targetOf(saved);
      if (known === null) throw new Error(`Teams user ${userId} of tenant ${teamId} has no saved personal chat`);
      return known;
    },

    async ofPerson(personId) {
      for (const saved of await records.linksOf("TEAMS", personId)) {
        const target = targetOf(saved);
        if (target !== null) return target;
      }
      // Teams addresses no one by e-mail: without Graph, a person is reached once they open the
      // app (installed for everyone by the setup policy); with it, their chat is opened here.
      const reach = deps.reach;
      const person = reach === undefined ? null : await records.personById(personId);
      const objectId = reach === undefined || person === null ? null : await reach.directory.objectIdOf(person.email);
      const ref = reach === undefined || objectId === null ? null : await openChat(reach, objectId);
      if (person === null || objectId === null || ref === null) {
        deps.logger.info({ personId, graph: reach !== undefined }, "Teams: no personal chat with this person yet");
        return null;
      }
      await records.link("TEAMS", ref.tenantId, objectId, person.id, ref);
      return { personId: person.id, email: person.email, locale: toLocale(person.locale), userId: objectId, channelId: ref.conversationId, ref };
    },
  };
}
