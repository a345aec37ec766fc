import type { Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { request as httpRequest } from "node:http";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { playgroundOnDatabase, playgroundRouterOnDatabase } from "../../src/composition/channels.ts";
import { DEMO_PEOPLE } from "../../src/db/seed/demo-people.ts";
import { createSeededConversation } from "../support/seeded-conversation.ts";

// The playground has no login (issue 10, item 1): it answers a browser on this machine only.
// Tests stay on loopback; a peer from elsewhere is simulated by giving the accepted socket a
// public remote address, which is what the guard reads.

async function get(port: number, path: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const call = httpRequest({ host: "127.0.0.1", port, path, headers: { host } }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
    });
    call.on("error", reject);
    call.end();
  });
}

describe("the playground is local only", () => {
  let seeded: Awaited<ReturnType<typeof createSeededConversation>>;
  const servers: Server[] = [];
  let remotePeer = false;

  async function serve(allowRemote: boolean): Promise<number> {
    const app = express();
    const playground = playgroundOnDatabase(seeded.database.prisma, { info: () => {}, warn: () => {}, error: () => {} });
    app.use("/", playgroundRouterOnDatabase(playground, { conversation: seeded.conversation, people: DEMO_PEOPLE, allowRemote }));
    const server = app.listen(0, "127.0.0.1");
    server.on("connection", (socket: Socket) => {
      if (remotePeer) Object.defineProperty(socket, "remoteAddress", { value: "203.0.113.9" });
    });
    servers.push(server);
    await new Promise((resolve) => server.once("listening", resolve));
    return (server.address() as AddressInfo).port;
  }

  beforeAll(async () => {
    seeded = await createSeededConversation();
  });

  afterAll(async () => {
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
    await seeded.database.drop();
  });

  it.each([
    ["localhost with its port", "localhost:3978", 200],
    ["127.0.0.1", "127.0.0.1:3978", 200],
    ["[::1]", "[::1]:3978", 200],
    ["a foreign name (DNS rebinding)", "evil.example:3978", 403],
    ["a name ending like localhost", "localhost.evil.example", 403],
    ["the machine's public name", "stagebot.univ-demo.fr", 403],
  ])("Host %s → %i", async (_what, host, status) => {
    remotePeer = false;
    const port = await serve(false);
    const answer = await get(port, "/playground/people", host);
    expect(answer.status).toBe(status);
    if (status === 403)
      expect(JSON.parse(answer.body)).toMatchObject({ error: { code: "FORBIDDEN", message: expect.stringContaining("bac à sable n'a pas de connexion") } });
  });

  it("a request from another machine is refused, even naming localhost", async () => {
    const port = await serve(false);
    remotePeer = true;
    try {
      for (const path of ["/", "/playground/people", "/playground/threads?email=lea.martin@etu.univ-demo.fr"]) {
        const answer = await get(port, path, "localhost:3978");
        expect(answer.status, path).toBe(403);
        expect(answer.body).not.toContain("lea.martin");
      }
    } finally {
      remotePeer = false;
    }
  });

  it("exposed on purpose (PLAYGROUND_UNSAFE_EXPOSE_WITHOUT_LOGIN), it answers other machines", async () => {
    const port = await serve(true);
    remotePeer = true;
    try {
      expect((await get(port, "/playground/people", "stagebot.univ-demo.fr")).status).toBe(200);
    } finally {
      remotePeer = false;
    }
  });
});
