import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDocumentDownloadDeps } from "../../src/composition/create-document-download-deps.ts";
import { createHttpApp } from "../../src/http/create-http-app.ts";
import { createDocumentRouter, signDocumentLink } from "../../src/http/document-links.ts";
import { createPreviewRouter } from "../../src/http/preview-links.ts";
import { createSeededConversation } from "../support/seeded-conversation.ts";

// One error handler for the whole HTTP app (issue 10, item 2): whatever fails, the answer has a
// code, a localised message and a request id; the stack, the server's paths and the SQL stay in
// the log. These requests answered with a URIError stack or a Prisma stack before.

const SECRET = "an-http-errors-test-secret-of-32-chars!";
const INSIDE = /(\bat \S+ \(|node_modules|\/src\/|\.ts:\d+|Prisma|URIError|invocation|stack)/i;

describe("HTTP error answers", () => {
  let seeded: Awaited<ReturnType<typeof createSeededConversation>>;
  let server: Server;
  let base: string;
  const logged: Array<{ level: string; details: object; message: string }> = [];

  beforeAll(async () => {
    seeded = await createSeededConversation();
    const now = () => new Date();
    const app = createHttpApp({
      databaseKind: "postgres",
      pingDatabase: async () => {},
      logger: {
        warn: (details, message) => logged.push({ level: "warn", details, message }),
        error: (details, message) => logged.push({ level: "error", details, message }),
      },
      mount: (http) => {
        http.use(
          createDocumentRouter({
            downloads: createDocumentDownloadDeps(seeded.database.prisma, now),
            secret: SECRET,
            now,
            logger: {
              info: (details, message) => logged.push({ level: "info", details, message }),
              warn: (details, message) => logged.push({ level: "warn", details, message }),
              error: (details, message) => logged.push({ level: "error", details, message }),
            },
          }),
        );
        http.use(createPreviewRouter({ documents: seeded.deps.documents, directory: seeded.deps.directory, secret: SECRET, now }));
        http.get("/boom", () => {
          throw new Error("secret detail at /srv/stagebot/src/boom.ts:12");
        });
      },
    });
    server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await seeded.database.drop();
  });

  const hourFromNow = () => new Date(Date.now() + 3_600_000);
  // A token signed with the right key whose ids are beyond int4: the database refuses them (22003).
  const previewBeyondInt4 = () => signDocumentLink(`${SECRET}:preview`, { documentId: 3_000_000_000, personId: 3_000_000_000, expiresAt: hourFromNow() });
  const documentBeyondInt4 = () => signDocumentLink(SECRET, { documentId: 3_000_000_000, personId: 1, expiresAt: hourFromNow() });

  it.each([
    ["a malformed percent-encoding in a document link", (): string => "/documents/%ff", 400, "BAD_REQUEST"],
    ["a malformed percent-encoding in a preview link", (): string => "/documents/preview/%E0%A4%A", 400, "BAD_REQUEST"],
    ["an unknown page", (): string => "/wp-admin/setup.php", 404, "NOT_FOUND"],
    ["a route that throws", (): string => "/boom", 500, "INTERNAL"],
  ] as const)("%s: status %i, code and request id, no stack", async (_what, path, status, code) => {
    const response = await fetch(`${base}${path()}`, { headers: { accept: "application/json" } });
    const text = await response.text();
    expect(response.status).toBe(status);
    expect(text).not.toMatch(INSIDE);
    const body = JSON.parse(text) as { error: { code: string; message: string; messageEn: string; requestId: string } };
    expect(body.error.code).toBe(code);
    expect(body.error.message.length).toBeGreaterThan(10);
    expect(body.error.messageEn.length).toBeGreaterThan(10);
    expect(body.error.requestId).toBe(response.headers.get("x-request-id"));
    if (status === 500) {
      // The details are in the log, under the same request id.
      const line = logged.find((entry) => (entry.details as { requestId?: string }).requestId === body.error.requestId);
      expect(line?.level).toBe("error");
    }
  });

  it("a browser gets a short plain-text page in French and English with the reference, no stack", async () => {
    const response = await fetch(`${base}/documents/%ff`, { headers: { accept: "text/html" } });
    const text = await response.text();
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(text).toContain("La requête ne peut pas être lue");
    expect(text).toContain("The request cannot be read");
    expect(text).toContain(`Référence : ${response.headers.get("x-request-id")}`);
    expect(text).not.toMatch(INSIDE);
  });

  it("a preview token whose ids are beyond int4 is refused as a link (403 page), never a database error", async () => {
    const response = await fetch(`${base}/documents/preview/${previewBeyondInt4()}`);
    expect(response.status).toBe(403);
    expect(await response.text()).not.toMatch(INSIDE);
  });

  it("a document token beyond int4 is answered without any detail", async () => {
    const response = await fetch(`${base}/documents/${documentBeyondInt4()}`);
    const text = await response.text();
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(text).not.toMatch(INSIDE);
  });

  it.each(["/healthz", "/wp-admin", "/documents/%ff"])("%s carries the security headers", async (path) => {
    const response = await fetch(`${base}${path}`);
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(response.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
  });

  it("the answer's details do not depend on NODE_ENV", async () => {
    const before = process.env.NODE_ENV;
    process.env.NODE_ENV = "development";
    try {
      const response = await fetch(`${base}/boom`);
      expect(response.status).toBe(500);
      expect(await response.text()).not.toMatch(INSIDE);
    } finally {
      process.env.NODE_ENV = before;
    }
  });
});
