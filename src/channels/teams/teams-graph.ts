import { z } from "zod/v4";
import type { TChannelLogger } from "../shared/ports.ts";

// Teams addresses nobody by e-mail: a person who never wrote to the bot (a référent getting
// their first approval card) is found in Microsoft Graph by the directory's e-mail, and the
// bot opens the 1:1 chat with their object id. This needs the application permission
// User.Read.All with admin consent (README, Microsoft Teams); without it the person is reached
// once they open the app (installed for everyone by the setup policy).

/** Finds a tenant user's object id by e-mail (or UPN). */
export interface TTeamsDirectory {
  /** The object id, or null when the tenant has no such user (or a disabled one). */
  objectIdOf(email: string): Promise<string | null>;
}

/** Where Graph and the tenant's login are, and the bot's credentials. */
export type TGraphOptions = {
  tenantId: string;
  appId: string;
  appPassword: string;
  /** https://graph.microsoft.com unless a test says otherwise. */
  graphUrl: string;
  /** https://login.microsoftonline.com unless a test says otherwise. */
  loginUrl: string;
  logger: TChannelLogger;
  clock?: () => Date;
  fetch?: typeof fetch;
};

const ZToken = z.object({ access_token: z.string().min(1), expires_in: z.coerce.number().int().positive() });
const ZUser = z.object({ id: z.string().min(1), accountEnabled: z.boolean().optional() });

/** Microsoft Graph as the Teams directory, with an app-only token (client credentials) kept until shortly before it expires. */
export function graphDirectory(options: TGraphOptions): TTeamsDirectory {
  const call = options.fetch ?? fetch;
  const now = options.clock ?? (() => new Date());
  let token: { value: string; until: number } | null = null;

  async function accessToken(): Promise<string> {
    if (token !== null && token.until > now().getTime()) return token.value;
    const body = new URLSearchParams({
      client_id: options.appId,
      client_secret: options.appPassword,
      scope: "https://graph.microsoft.com/.default",
      grant_type: "client_credentials",
    });
    const response = await call(`${options.loginUrl.replace(/\/$/u, "")}/${encodeURIComponent(options.tenantId)}/oauth2/v2.0/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body,
    });
    if (!response.ok) throw new Error(`Microsoft login answered ${response.status} for the Graph token`);
    const parsed = ZToken.parse(await response.json());
    token = { value: parsed.access_token, until: now().getTime() + (parsed.expires_in - 60) * 1000 };
    return token.value;
  }

  return {
    async objectIdOf(email) {
      const url = `${options.graphUrl.replace(/\/$/u, "")}/v1.0/users/${encodeURIComponent(email)}?$select=id,accountEnabled`;
      const response = await call(url, { headers: { authorization: `Bearer ${await accessToken()}` } });
      if (response.status === 404) return null;
      if (!response.ok) throw new Error(`Microsoft Graph answered ${response.status} for a user lookup`);
      const user = ZUser.parse(await response.json());
      if (user.accountEnabled === false) {
        options.logger.info({}, "Teams: the Graph account of this e-mail is disabled");
        return null;
      }
      return user.id;
    },
  };
}
