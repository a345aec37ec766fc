import { WebClient } from "@slack/web-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TCard, TEffect } from "../../src/app/conversation/effects.ts";
import { applyEffects, type TChannelDeps } from "../../src/channels/shared/apply-effects.ts";
import { createNotificationChannel } from "../../src/channels/shared/notification-channel.ts";
import type { TChatTarget, TInteraction } from "../../src/channels/shared/ports.ts";
import { TeamsAdapter } from "@microsoft/teams-ai";
import { createSlackIdentities } from "../../src/channels/slack/slack-identity.ts";
import { createTeamsIdentities } from "../../src/channels/teams/teams-identity.ts";
import { createTeamsPort, FILE_CONSENT_CARD, type TTeamsContext } from "../../src/channels/teams/teams-port.ts";
import { createSlackPort, type TSlackContext } from "../../src/channels/slack/slack-port.ts";
import type { TPlaygroundAnswer } from "../../src/channels/web/playground-port.ts";
import { threadsOf } from "../../src/channels/web/playground-threads.ts";
import { playgroundOnDatabase } from "../../src/composition/channels.ts";
import { createChannelRecords } from "../../src/db/channel-records.ts";
import { createChatIdentityRecords } from "../../src/db/chat-identity-records.ts";
import { createFileOffers } from "../../src/db/file-offers.ts";
import type { PrismaClient } from "../../src/generated/prisma/client.ts";
import { startFakeSlack, type TFakeSlack } from "../support/fake-slack-api.ts";
import { startFakeTeams, type TFakeTeams } from "../support/fake-teams-connector.ts";
import { createTestDatabase } from "../support/test-database.ts";

// The channel contract: the same cases, run against every platform's port through the one
// shared applyEffects and the one delivery loop (Slack on a fake Web API, the playground on
// its stored messages; Teams joins here). Each harness says what the person sees.

/** A message as the person sees it: its text, and the text of the message it replies to (null: top level). */
type TSeen = { text: string; repliesTo: string | null };

type TAnyDeps = TChannelDeps<never, never>;

interface THarness {
  name: string;
  deps: TAnyDeps;
  /** Whether someone with no account on the platform exists (the playground reaches every directory person). */
  hasUnreachablePeople: boolean;
  /** Whether replies sit under their convention's card (Slack's and the playground's threads; Teams' personal chat has none). */
  hasThreads: boolean;
  /** Whether the platform lets the bot find a message an interrupted attempt posted (Teams bots cannot read a chat's history). */
  findsInterruptedPosts: boolean;
  target(personId: number): Promise<TChatTarget<never>>;
  /** What the person sees in their conversation with the bot, oldest first. */
  seen(personId: number): Promise<TSeen[]>;
  /** The person deletes the message showing this text. */
  deleteMessage(personId: number, text: string): Promise<void>;
  /** The next post reaches the platform, and the process never hears back (a lost answer, a crash). */
  interruptNextPost(): void;
  /** An interaction that can open a form (a click), and the forms it opened. */
  click(): { interaction: TInteraction<never>; forms(): string[] };
  /** Documents attached in the person's conversation. */
  uploads(personId: number): string[];
}

const card = (text: string): TCard => ({ type: "AdaptiveCard", version: "1.5", body: [{ type: "TextBlock", text }] });
const textOfCard = (value: unknown): string => JSON.stringify(value);

type TPeople = { lea: number; sophie: number; nobody: number };

async function seedPeople(prisma: PrismaClient): Promise<TPeople> {
  const person = (email: string, lastName: string) => prisma.person.create({ data: { email, lastName, firstName: "Test" } });
  return {
    lea: (await person("lea@contract.test", "Martin")).id,
    sophie: (await person("sophie@contract.test", "Lambert")).id,
    nobody: (await person("nobody@contract.test", "Absent")).id,
  };
}

async function slackHarness(prisma: PrismaClient, fake: TFakeSlack): Promise<THarness> {
  const client = new WebClient("xoxb-test", { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } });
  const logger = { info: () => {}, warn: () => {}, error: () => {}, debug: () => {} };
  const deps = {
    client,
    logger,
    port: createSlackPort({ client, logger }),
    records: createChannelRecords(prisma, "SLACK"),
    identities: createSlackIdentities({ records: createChatIdentityRecords(prisma), client }),
  };
  const channelOf = async (personId: number) => (await deps.identities.ofPerson(personId))?.channelId ?? "";
  return {
    name: "Slack",
    deps: deps as unknown as TAnyDeps,
    hasUnreachablePeople: true,
    hasThreads: true,
    findsInterruptedPosts: true,
    target: (personId) => reachable(deps.identities, personId, "Slack"),
    async seen(personId) {
      const channel = await channelOf(personId);
      const messages = fake.messages.filter((message) => message.channel === channel);
      const text = (ts: string | null) => {
        const found = messages.find((message) => message.ts === ts);
        return found === undefined ? null : textOfCard(found.blocks);
      };
      return messages.map((message) => ({ text: textOfCard(message.blocks), repliesTo: text(message.threadTs) }));
    },
    async deleteMessage(personId, text) {
      const channel = await channelOf(personId);
      const index = fake.messages.findIndex((message) => message.channel === channel && textOfCard(message.blocks).includes(text));
      fake.messages.splice(index, 1);
    },
    interruptNextPost: () => fake.loseAnswerOfNext("chat.postMessage"),
    click() {
      const before = fake.views.length;
      const context: TSlackContext = { triggerId: `trigger-${before}` };
      return { interaction: { context } as unknown as TInteraction<never>, forms: () => fake.views.slice(before).map((view) => textOfCard(view.view)) };
    },
    uploads: () => fake.uploads.filter((upload) => upload.channelId !== null).map((upload) => upload.filename),
  };
}

async function playgroundHarness(prisma: PrismaClient): Promise<THarness> {
  const { channel, messages } = playgroundOnDatabase(prisma, { info: () => {}, warn: () => {}, error: () => {} });
  let interrupt = false;
  // The interrupted post is stored, then the process dies before hearing back: as a crash leaves it.
  const port = {
    ...channel.port,
    async post(...args: Parameters<typeof channel.port.post>) {
      const posted = await channel.port.post(...args);
      if (!interrupt) return posted;
      interrupt = false;
      throw new Error("the process died after posting");
    },
  };
  const deps = { ...channel, port };
  return {
    name: "playground",
    deps: deps as unknown as TAnyDeps,
    hasUnreachablePeople: false,
    hasThreads: true,
    findsInterruptedPosts: true,
    target: (personId) => reachable(deps.identities, personId, "the playground"),
    async seen(personId) {
      const seen: TSeen[] = [];
      for (const thread of threadsOf(await messages.rows(personId))) {
        const [first, ...rest] = thread.messages;
        if (first === undefined) continue;
        const parent = first.kind === "progress" || first.kind === "closed" ? textOfCard(first.card) : null;
        if (parent === null) seen.push({ text: textOfCard(first.card), repliesTo: null });
        else seen.push({ text: parent, repliesTo: null });
        for (const message of rest) seen.push({ text: textOfCard(message.card), repliesTo: message.kind === "post" ? parent : null });
      }
      return seen;
    },
    async deleteMessage(personId, text) {
      const rows = await messages.rows(personId);
      const row = rows.find((candidate) => textOfCard(candidate.content).includes(text));
      if (row !== undefined) await prisma.postedMessage.delete({ where: { id: row.id } });
    },
    interruptNextPost: () => {
      interrupt = true;
    },
    click() {
      const answer: TPlaygroundAnswer = { form: null, errors: null, closeForm: false };
      return { interaction: { context: answer } as unknown as TInteraction<never>, forms: () => (answer.form === null ? [] : [textOfCard(answer.form)]) };
    },
    uploads: () => [],
  };
}

async function teamsHarness(prisma: PrismaClient, fake: TFakeTeams, people: TPeople): Promise<THarness> {
  const logger = { info: () => {}, warn: () => {}, error: () => {} };
  const identityRecords = createChatIdentityRecords(prisma);
  const deps = {
    port: createTeamsPort({ adapter: new TeamsAdapter(), appId: "", logger, offers: createFileOffers(prisma) }),
    records: createChannelRecords(prisma, "TEAMS"),
    identities: createTeamsIdentities({ records: identityRecords, logger }),
    logger,
  };
  // Léa and Sophie have the app installed: their personal chats are saved (Absent has none).
  const chats = { [people.lea]: "a:chat-lea", [people.sophie]: "a:chat-sophie" };
  for (const [personId, conversationId] of Object.entries(chats)) {
    const ref = { serviceUrl: fake.serviceUrl, tenantId: "tenant-test", conversationId, userId: `29:${personId}`, botId: "28:stagebot" };
    await identityRecords.link("TEAMS", "tenant-test", `aad-${personId}`, Number(personId), ref);
  }
  const chatOf = (personId: number) => chats[personId] ?? "";
  return {
    name: "Teams",
    deps: deps as unknown as TAnyDeps,
    hasUnreachablePeople: true,
    hasThreads: false,
    findsInterruptedPosts: false,
    target: (personId) => reachable(deps.identities, personId, "Teams"),
    async seen(personId) {
      return fake.messages
        .filter((message) => message.conversationId === chatOf(personId))
        .map((message) => ({ text: textOfCard(message.activity["attachments"]), repliesTo: null }));
    },
    async deleteMessage(personId, text) {
      const index = fake.messages.findIndex(
        (message) => message.conversationId === chatOf(personId) && textOfCard(message.activity["attachments"]).includes(text),
      );
      fake.messages.splice(index, 1);
    },
    interruptNextPost: () => fake.loseAnswerOfNext("/activities"),
    click() {
      const context: TTeamsContext = { invoke: { clickedMessageId: undefined, answer: null } };
      return { interaction: { context } as unknown as TInteraction<never>, forms: () => (context.invoke?.answer ? [textOfCard(context.invoke.answer)] : []) };
    },
    // A document is offered with a file-consent card; accepting it is the Teams journey's test.
    uploads: (personId) =>
      fake.messages
        .filter((message) => message.conversationId === chatOf(personId))
        .flatMap((message) =>
          ((message.activity["attachments"] ?? []) as Array<{ contentType: string; name?: string }>)
            .filter((attachment) => attachment.contentType === FILE_CONSENT_CARD)
            .map((attachment) => attachment.name ?? ""),
        ),
  };
}

/** The target of a person on a platform, failing the test when the person is not reachable there. */
async function reachable<TRef>(
  identities: { ofPerson(personId: number): Promise<TChatTarget<TRef> | null> },
  personId: number,
  where: string,
): Promise<TChatTarget<never>> {
  const target = await identities.ofPerson(personId);
  if (target === null) throw new Error(`person ${personId} is not reachable on ${where}`);
  return target as unknown as TChatTarget<never>;
}

const texts = (seen: readonly TSeen[]) => seen.map((message) => message.text);

describe.each(["Slack", "playground", "Teams"] as const)("the channel contract, on %s", (platform) => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let fake: TFakeSlack;
  let teams: TFakeTeams;
  let people: TPeople;
  let harness: THarness;
  let conventionId: number;

  beforeAll(async () => {
    database = await createTestDatabase();
    people = await seedPeople(database.prisma);
    fake = await startFakeSlack([
      { id: "U_LEA", email: "lea@contract.test", teamId: "T_TEST" },
      { id: "U_SOPHIE", email: "sophie@contract.test", teamId: "T_TEST" },
    ]);
    teams = await startFakeTeams([]);
    harness =
      platform === "Slack"
        ? await slackHarness(database.prisma, fake)
        : platform === "Teams"
          ? await teamsHarness(database.prisma, teams, people)
          : await playgroundHarness(database.prisma);
    conventionId = 41;
  });

  afterAll(async () => {
    await fake?.close();
    await teams?.close();
    await database?.drop();
  });

  const apply = async (personId: number, effects: TEffect[], interaction?: TInteraction<never>) =>
    applyEffects(harness.deps, await harness.target(personId), effects, interaction);
  // Each case works on its own convention (thread).
  const nextConvention = () => ++conventionId;

  it("posts a convention's progress card once, then updates it in place", async () => {
    const id = nextConvention();
    await apply(people.lea, [{ kind: "progress", conventionId: id, card: card(`Convention ${id} : brouillon`) }]);
    await apply(people.lea, [{ kind: "progress", conventionId: id, card: card(`Convention ${id} : soumise`) }]);
    const mine = texts(await harness.seen(people.lea)).filter((text) => text.includes(`Convention ${id}`));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toContain("soumise");
  });

  it("posts replies in the convention's thread, under its progress card", async () => {
    const id = nextConvention();
    await apply(people.lea, [
      { kind: "progress", conventionId: id, card: card(`Fil ${id}`) },
      { kind: "post", conventionId: id, card: card(`Réponse ${id}`) },
    ]);
    const reply = (await harness.seen(people.lea)).find((message) => message.text.includes(`Réponse ${id}`));
    if (harness.hasThreads) expect(reply?.repliesTo).toContain(`Fil ${id}`);
    // Teams: the reply follows in the personal chat, and the progress card stays one message.
    else expect(reply).toEqual({ text: expect.stringContaining(`Réponse ${id}`), repliesTo: null });
  });

  it("posts the progress card again when the person deleted it, and updates that new one afterwards", async () => {
    const id = nextConvention();
    await apply(people.lea, [{ kind: "progress", conventionId: id, card: card(`Suivi ${id} v1`) }]);
    await harness.deleteMessage(people.lea, `Suivi ${id} v1`);
    await apply(people.lea, [{ kind: "progress", conventionId: id, card: card(`Suivi ${id} v2`) }]);
    await apply(people.lea, [{ kind: "progress", conventionId: id, card: card(`Suivi ${id} v3`) }]);
    expect(texts(await harness.seen(people.lea)).filter((text) => text.includes(`Suivi ${id}`))).toEqual([expect.stringContaining("v3")]);
  });

  it("shows a keyed notification once in its recipient's conversation and updates every copy in place", async () => {
    const id = nextConvention();
    const key = `approval:${id}:1:PEDAGOGIQUE`;
    const before = (await harness.seen(people.lea)).length;
    await apply(people.lea, [{ kind: "notify", personId: people.sophie, conventionId: id, card: card(`À valider ${id}`), key }]);
    await apply(people.lea, [{ kind: "notify", personId: people.sophie, conventionId: id, card: card(`Validée ${id}`), key }]);
    const sophie = texts(await harness.seen(people.sophie)).filter((text) => text.includes(` ${id}`));
    expect(sophie).toEqual([expect.stringContaining(`Validée ${id}`)]);
    // The sender's conversation has nothing of it.
    expect((await harness.seen(people.lea)).length).toBe(before);
  });

  it("closes a deleted draft's thread by updating its progress card", async () => {
    const id = nextConvention();
    await apply(people.lea, [{ kind: "progress", conventionId: id, card: card(`Brouillon ${id}`) }]);
    await apply(people.lea, [{ kind: "thread_closed", conventionId: id, card: card(`Brouillon ${id} supprimé`) }]);
    expect(texts(await harness.seen(people.lea)).filter((text) => text.includes(`Brouillon ${id}`))).toEqual([expect.stringContaining("supprimé")]);
    // A later progress of that convention would start a new card: the closed one is not its thread any more.
    expect(await harness.deps.records.progressOf((await harness.target(people.lea)).channelId, id)).toBeNull();
  });

  it("opens the last form as the answer to a click, and posts it in the thread when nothing can open it", async () => {
    const id = nextConvention();
    const click = harness.click();
    await apply(
      people.lea,
      [
        { kind: "form", conventionId: id, card: card(`Premier formulaire ${id}`) },
        { kind: "form", conventionId: id, card: card(`Formulaire ${id}`) },
      ],
      click.interaction,
    );
    expect(click.forms()).toEqual([expect.stringContaining(`Formulaire ${id}`)]);
    expect(click.forms()[0]).not.toContain("Premier");
    expect(texts(await harness.seen(people.lea)).some((text) => text.includes(`Formulaire ${id}`))).toBe(false);
    // Typed text cannot open a form: it is offered in the conversation.
    await apply(people.lea, [{ kind: "form", conventionId: null, card: card(`Formulaire tapé ${id}`) }]);
    expect(texts(await harness.seen(people.lea)).some((text) => text.includes(`Formulaire tapé ${id}`))).toBe(true);
  });

  it("opens no form when the answer closes it", async () => {
    const id = nextConvention();
    const click = harness.click();
    await apply(people.lea, [{ kind: "form", conventionId: id, card: card(`Fermé ${id}`) }, { kind: "close_form" }], click.interaction);
    expect(click.forms()).toEqual([]);
  });

  it("delivers an outbox notification once, however often it is delivered", async () => {
    const id = nextConvention();
    const channel = createNotificationChannel(harness.deps);
    const effects: TEffect[] = [{ kind: "notify", personId: people.sophie, conventionId: id, card: card(`Rappel ${id}`) }];
    await expect(channel.deliver(people.sophie, effects, `outbox:${id}`)).resolves.toBe("delivered");
    await expect(channel.deliver(people.sophie, effects, `outbox:${id}`)).resolves.toBe("delivered");
    expect(texts(await harness.seen(people.sophie)).filter((text) => text.includes(`Rappel ${id}`))).toHaveLength(1);
  });

  it("shows a notification once when an attempt posted it and never heard back", async () => {
    const id = nextConvention();
    const channel = createNotificationChannel(harness.deps);
    const effects: TEffect[] = [{ kind: "notify", personId: people.sophie, conventionId: id, card: card(`Pièce manquante ${id}`) }];
    harness.interruptNextPost();
    const shown = async () => texts(await harness.seen(people.sophie)).filter((text) => text.includes(`Pièce manquante ${id}`)).length;
    if (harness.findsInterruptedPosts) {
      await expect(channel.deliver(people.sophie, effects, `outbox:lost-${id}`)).rejects.toThrow();
      expect(await shown()).toBe(1);
      await expect(channel.deliver(people.sophie, effects, `outbox:lost-${id}`)).resolves.toBe("delivered");
      expect(await shown()).toBe(1);
    } else {
      // Teams bots cannot read a chat (and botbuilder's client retries a dropped call itself):
      // the message may show twice, never more (README, "Delivery, exactly").
      await channel.deliver(people.sophie, effects, `outbox:lost-${id}`).catch(() => "failed");
      await expect(channel.deliver(people.sophie, effects, `outbox:lost-${id}`)).resolves.toBe("delivered");
      expect(await shown()).toBe(2);
    }
    // Once delivered, never again.
    await expect(channel.deliver(people.sophie, effects, `outbox:lost-${id}`)).resolves.toBe("delivered");
    expect(await shown()).toBe(harness.findsInterruptedPosts ? 1 : 2);
  });

  it("says when the recipient has no account on the platform, and posts nothing", async () => {
    const channel = createNotificationChannel(harness.deps);
    const effects: TEffect[] = [{ kind: "notify", personId: people.nobody, conventionId: null, card: card("Personne") }];
    const outcome = await channel.deliver(people.nobody, effects, "outbox:nobody");
    if (harness.hasUnreachablePeople) expect(outcome).toBe("no_identity");
    else expect(outcome).toBe("delivered");
  });

  it("remembers which convention a thread is about", async () => {
    const id = nextConvention();
    await apply(people.lea, [{ kind: "progress", conventionId: id, card: card(`Mémoire ${id}`) }]);
    const target = await harness.target(people.lea);
    const parent = await harness.deps.records.progressOf(target.channelId, id);
    expect(parent).not.toBeNull();
    expect(await harness.deps.records.conventionOfThread(target.channelId, parent ?? "")).toBe(id);
  });

  it("attaches a document in the thread where the platform takes files", async () => {
    const id = nextConvention();
    await apply(people.lea, [
      { kind: "progress", conventionId: id, card: card(`Validée ${id}`) },
      { kind: "file", conventionId: id, filename: `convention-${id}.pdf`, content: Buffer.from("%PDF-1.7"), sha256: "0".repeat(64), comment: "La convention" },
    ]);
    // The playground offers documents by the download link of the notice that comes with them.
    if (platform === "playground") expect(harness.uploads(people.lea)).toEqual([]);
    else expect(harness.uploads(people.lea)).toContain(`convention-${id}.pdf`);
  });
});
