import { TeamsAdapter } from "@microsoft/teams-ai";
import { PasswordServiceClientCredentialFactory, type ServiceClientCredentialsFactory } from "botframework-connector";
import type { TTeamsCredentials } from "../../config.ts";
import { BOT_FRAMEWORK_OPENID_METADATA_URL } from "./auth/open-id-keys.ts";

// botbuilder's CloudAdapter for a single-tenant bot (multi-tenant bots can no longer be
// created). It authenticates requests again after our guard, and gets the tokens of what the
// bot sends from Microsoft's login for the tenant. Pointed at other OpenID metadata (tests),
// it needs all eight endpoint settings, or it leaves the others undefined (notes/teams.md).

/** The adapter of the configured bot; `credentials` replaces Microsoft's login (tests only). */
export function createTeamsAdapter(teams: TTeamsCredentials, credentials?: ServiceClientCredentialsFactory): TeamsAdapter {
  const endpoints =
    teams.openIdMetadataUrl === BOT_FRAMEWORK_OPENID_METADATA_URL
      ? {}
      : {
          ToBotFromChannelOpenIdMetadataUrl: teams.openIdMetadataUrl,
          ToBotFromChannelTokenIssuer: "https://api.botframework.com",
          ToBotFromEmulatorOpenIdMetadataUrl: teams.openIdMetadataUrl,
          ToChannelFromBotLoginUrl: `https://login.microsoftonline.com/${teams.tenantId}`,
          ToChannelFromBotOAuthScope: "https://api.botframework.com",
          OAuthUrl: "https://api.botframework.com",
          CallerId: "urn:botframework:azure",
          ValidateAuthority: true,
        };
  return new TeamsAdapter(
    {
      MicrosoftAppType: "SingleTenant",
      MicrosoftAppId: teams.appId,
      MicrosoftAppPassword: teams.appPassword,
      MicrosoftAppTenantId: teams.tenantId,
      ...endpoints,
    },
    credentials ?? new PasswordServiceClientCredentialFactory(teams.appId, teams.appPassword, teams.tenantId),
  );
}
