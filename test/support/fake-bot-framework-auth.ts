import { generateKeyPairSync, type JsonWebKey, type KeyObject, sign } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

// The Bot Framework's side of authentication, on 127.0.0.1: an OpenID metadata document, its
// JWKS (real RSA keys, with Bot Framework's `endorsements`), and tokens signed like the
// connector signs them. Counts what it serves, so tests can tell how often keys were fetched.

/** An RSA key pair with the kid it is published under. */
export interface TTestSigningKey {
  kid: string;
  privateKey: KeyObject;
  publicJwk: JsonWebKey;
}

/** A fresh 2048-bit RSA key. */
export function testSigningKey(kid: string): TTestSigningKey {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return { kid, privateKey, publicJwk: publicKey.export({ format: "jwk" }) };
}

export interface TPublishedKey {
  key: TTestSigningKey;
  endorsements?: string[];
}

export interface TFakeOpenId {
  metadataUrl: string;
  issuer: string;
  served: { metadata: number; jwks: number };
  /** Replaces the JWKS (a key rotation). */
  publish(keys: TPublishedKey[]): void;
  /** Makes both endpoints answer 503 (an outage) or normally again. */
  setDown(down: boolean): void;
  close(): Promise<void>;
}

/** Starts the fake metadata and JWKS endpoints on a free port. */
export async function startFakeOpenId(keys: TPublishedKey[], issuer = "https://api.botframework.com"): Promise<TFakeOpenId> {
  let published = keys;
  let down = false;
  const served = { metadata: 0, jwks: 0 };
  const server: Server = createServer((request, response) => {
    const json = (body: unknown) => response.writeHead(down ? 503 : 200, { "content-type": "application/json" }).end(JSON.stringify(body));
    if (request.url === "/v1/.well-known/openidconfiguration") {
      served.metadata += 1;
      const { port } = server.address() as AddressInfo;
      return json({ issuer, jwks_uri: `http://127.0.0.1:${port}/v1/.well-known/keys`, id_token_signing_alg_values_supported: ["RS256"] });
    }
    if (request.url === "/v1/.well-known/keys") {
      served.jwks += 1;
      return json({
        keys: published.map(({ key, endorsements }) => ({ ...key.publicJwk, kid: key.kid, use: "sig", ...(endorsements ? { endorsements } : {}) })),
      });
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    metadataUrl: `http://127.0.0.1:${port}/v1/.well-known/openidconfiguration`,
    issuer,
    served,
    publish: (next) => {
      published = next;
    },
    setDown: (value) => {
      down = value;
    },
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

/** A compact JWS over these header and claims, RS256 with the given private key. */
export function signToken(privateKey: KeyObject, header: Record<string, unknown>, claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const signingInput = `${part({ typ: "JWT", ...header })}.${part(claims)}`;
  return `${signingInput}.${sign("RSA-SHA256", Buffer.from(signingInput), privateKey).toString("base64url")}`;
}

/** The claims the connector puts in a token for this app and serviceUrl, valid for an hour from `now`. */
export function connectorClaims(input: { appId: string; serviceUrl: string; now: Date }): Record<string, unknown> {
  const seconds = Math.floor(input.now.getTime() / 1000);
  return { iss: "https://api.botframework.com", aud: input.appId, serviceurl: input.serviceUrl, nbf: seconds - 5, exp: seconds + 3600, iat: seconds - 5 };
}
