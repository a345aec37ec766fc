import { randomUUID } from "node:crypto";
import type { KnownBlock, View } from "@slack/types";
import { expect } from "vitest";
import { assertWithinSlackLimits, type TSlackMessage } from "../../src/channels/slack/block-kit/index.ts";
import { slackSignature } from "../../src/channels/slack/verify-slack-request.ts";
import type { TViewStateValue } from "../../src/channels/slack/block-kit/view-state.ts";
import type { TFakeMessage, TFakeSlack } from "./fake-slack-api.ts";
import { filledState, isTypeahead, optionValue } from "./slack-modals.ts";

// Drives the Slack app as Slack does: really signed requests to /slack/events (events as JSON,
// interactions form-encoded as payload=<json>, slash commands form-encoded), and reads what the
// fake Slack Web API received back.

export const TEAM_ID = "T_DEMO";

/** A modal as views.open / views.update received it. */
export type TModal = {
  id: string;
  hash: string;
  type: string;
  private_metadata: string;
  blocks: KnownBlock[];
  title: { text: string };
  submit?: { text: string };
};

type TSendOptions = { timestamp?: number; secret?: string; headers?: Record<string, string> };

/** A client of the app's /slack/events, signing with `secret` at the current time unless told otherwise. */
export function slackClient(eventsUrl: string, secret: string) {
  async function send(body: string, contentType: string, options: TSendOptions = {}): Promise<Response> {
    const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
    const signature = slackSignature(options.secret ?? secret, timestamp, body);
    return fetch(eventsUrl, {
      method: "POST",
      headers: { "content-type": contentType, "x-slack-request-timestamp": timestamp, "x-slack-signature": signature, ...options.headers },
      body,
    });
  }
  const interact = (payload: object, options?: TSendOptions) =>
    send(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), "application/x-www-form-urlencoded", options);
  return {
    send,
    interact,
    /** An Events API delivery; `eventId` names it (Slack sends the same id again on a retry). */
    event: (event: object, eventId: string = `Ev${randomUUID().slice(0, 8)}`, options?: TSendOptions) =>
      send(
        JSON.stringify({
          type: "event_callback",
          team_id: TEAM_ID,
          api_app_id: "A_STAGEBOT",
          event_id: eventId,
          event_time: 1,
          event,
          authorizations: [{ team_id: TEAM_ID, user_id: "U_BOT", is_bot: true }],
        }),
        "application/json",
        options,
      ),
    command: (userId: string, text: string) =>
      send(
        new URLSearchParams({
          command: "/convention",
          text,
          user_id: userId,
          team_id: TEAM_ID,
          channel_id: `D_${userId}`,
          trigger_id: `trig-${randomUUID()}`,
          api_app_id: "A_STAGEBOT",
          response_url: "http://127.0.0.1:9/unused",
        }).toString(),
        "application/x-www-form-urlencoded",
      ),
  };
}

/** A DM message event from `userId`, in a thread when `threadTs` is given. */
export function dmMessage(userId: string, text: string, threadTs?: string): object {
  return {
    type: "message",
    channel: `D_${userId}`,
    channel_type: "im",
    user: userId,
    text,
    ts: `${Date.now() / 1000}`,
    ...(threadTs ? { thread_ts: threadTs } : {}),
  };
}

/** The buttons of blocks with what they send. */
export function buttonsIn(blocks: readonly unknown[]): Array<{ action_id: string; value: string; verb: string; data: Record<string, unknown> }> {
  return (blocks as KnownBlock[]).flatMap((block) => {
    const elements = block.type === "actions" ? block.elements : block.type === "section" && block.accessory ? [block.accessory] : [];
    return elements.flatMap((element) => {
      if (element.type !== "button" || !element.value) return [];
      const { verb, data } = JSON.parse(element.value) as { verb: string; data: Record<string, unknown> };
      return [{ action_id: element.action_id ?? "", value: element.value, verb, data }];
    });
  });
}

/** A block_actions payload clicking `button`, from a message or from inside a modal. */
export function click(
  userId: string,
  button: { action_id: string; value: string },
  where: { message?: { channel: string; ts: string }; view?: TModal; state?: Record<string, Record<string, TViewStateValue>> },
  actionTs = `${Date.now() / 1000}`,
) {
  return {
    type: "block_actions",
    team: { id: TEAM_ID, domain: "demo" },
    user: { id: userId, username: userId, team_id: TEAM_ID },
    api_app_id: "A_STAGEBOT",
    token: "unused",
    trigger_id: `trig-${randomUUID()}`,
    response_url: "http://127.0.0.1:9/unused",
    container: where.view ? { type: "view", view_id: where.view.id } : { type: "message", channel_id: where.message?.channel, message_ts: where.message?.ts },
    ...(where.message ? { channel: { id: where.message.channel, name: "directmessage" }, message: { type: "message", ts: where.message.ts } } : {}),
    ...(where.view ? { view: { ...where.view, state: { values: where.state ?? {} } } } : {}),
    actions: [
      { type: "button", block_id: "b", action_id: button.action_id, value: button.value, action_ts: actionTs, text: { type: "plain_text", text: "x" } },
    ],
  };
}

/** A view_submission payload of `view` with these state values. */
export function submit(userId: string, view: TModal, values: Record<string, Record<string, TViewStateValue>>) {
  return {
    type: "view_submission",
    team: { id: TEAM_ID, domain: "demo" },
    user: { id: userId, name: userId, team_id: TEAM_ID },
    api_app_id: "A_STAGEBOT",
    token: "unused",
    trigger_id: `trig-${randomUUID()}`,
    view: { ...view, callback_id: "stagebot_form", team_id: TEAM_ID, state: { values } },
  };
}

/** A block_suggestion payload: `text` typed in the typeahead of `blockId`. */
export function suggest(userId: string, view: TModal, blockId: string, text: string) {
  const block = view.blocks.find((candidate) => candidate.type === "input" && candidate.block_id === blockId);
  const actionId = block?.type === "input" ? (block.element.action_id ?? "") : "";
  return {
    type: "block_suggestion",
    team: { id: TEAM_ID, domain: "demo" },
    user: { id: userId, name: userId, team_id: TEAM_ID },
    api_app_id: "A_STAGEBOT",
    token: "unused",
    container: { type: "view", view_id: view.id },
    block_id: blockId,
    action_id: actionId,
    value: text,
    view: { ...view, state: { values: {} } },
  };
}

/** The last modal the fake showed (views.open or views.update), as the app sees it with its id and hash. */
export function lastModal(fake: TFakeSlack): TModal {
  const shown = fake.views.filter((view) => view.method !== "views.publish").at(-1);
  if (!shown) throw new Error("no modal was opened");
  return shown.view as unknown as TModal;
}

/** The value, or the test fails saying what was missing. */
export function must<T>(value: T | undefined | null, what: string): T {
  expect(value, what).toBeDefined();
  expect(value, what).not.toBeNull();
  return value as T;
}

/** The messages of a person's DM with the bot, in order, as the fake holds them. */
export function dmOf(fake: TFakeSlack, userId: string): TFakeMessage[] {
  return fake.messages.filter((message) => message.channel === `D_${userId}`);
}

const matches = (button: { verb: string; data: Record<string, unknown> }, verb: string, data: Record<string, unknown>) =>
  button.verb === verb && Object.entries(data).every(([key, value]) => button.data[key] === value);

/** The messages with a button of this verb (and these data). */
export function withButton(messages: readonly TFakeMessage[], verb: string, data: Record<string, unknown> = {}): TFakeMessage[] {
  return messages.filter((message) => buttonsIn(message.blocks).some((button) => matches(button, verb, data)));
}

/** A message's blocks as JSON: what a test searches text in. */
export function textOf(message: TFakeMessage | undefined): string {
  return JSON.stringify(message?.blocks ?? []);
}

/** The body of a 200 answer (failing the test on any other status). */
export async function okBody(response: Promise<Response>): Promise<string> {
  const answer = await response;
  const body = await answer.text();
  expect(answer.status, body).toBe(200);
  return body;
}

/** Every way the messages and views the fake received break Slack's limits. */
export function limitViolations(fake: TFakeSlack): string[] {
  return fake.calls.flatMap((call) => {
    if (call.method === "chat.postMessage" || call.method === "chat.update") {
      return assertWithinSlackLimits({ text: String(call.args.text), blocks: call.args.blocks } as TSlackMessage).map((line) => `${call.method}: ${line}`);
    }
    if (call.method.startsWith("views.")) return assertWithinSlackLimits(call.args.view as View).map((line) => `${call.method}: ${line}`);
    return [];
  });
}

/** What people do in Slack: click buttons, search typeaheads, open and submit section modals. */
export function slackSession(client: ReturnType<typeof slackClient>, fake: TFakeSlack) {
  async function press(userId: string, message: TFakeMessage, verb: string, data: Record<string, unknown> = {}, actionTs?: string): Promise<string> {
    const button = buttonsIn(message.blocks).find((candidate) => matches(candidate, verb, data));
    expect(button, `${verb} on ${textOf(message).slice(0, 300)}`).toBeDefined();
    return okBody(client.interact(click(userId, button ?? { action_id: "", value: "" }, { message }, actionTs)));
  }
  /** What the person picks in a typeahead: the first option offered for `text`. */
  async function searchFirst(userId: string, view: TModal, blockId: string, text: string): Promise<string> {
    const body = JSON.parse(await okBody(client.interact(suggest(userId, view, blockId, text)))) as { options: Array<{ value: string }> };
    expect(body.options.length, `options for "${text}" in ${blockId}`).toBeGreaterThan(0);
    return body.options[0]?.value ?? "";
  }
  const choose = (userId: string, view: TModal, blockId: string, title: string): Promise<string> =>
    isTypeahead(view, blockId) ? searchFirst(userId, view, blockId, title) : Promise.resolve(optionValue(view, blockId, title));
  /** Opens a section's modal from its button on the thread parent (views.open with the click's trigger_id). */
  async function openSection(userId: string, conventionId: number, section: string): Promise<TModal> {
    const parent = withButton(
      dmOf(fake, userId).filter((message) => message.threadTs === null),
      "open_section",
      { conventionId, section },
    ).at(-1);
    if (!parent) throw new Error(`no thread parent with ${section}`);
    const opened = fake.callsOf("views.open").length;
    await press(userId, parent, "open_section", { conventionId, section });
    expect(fake.callsOf("views.open").length).toBe(opened + 1);
    return lastModal(fake);
  }
  /** Opens a section's modal, fills it, submits it; the modal must close (an empty answer). */
  async function fillSection(userId: string, conventionId: number, section: string, answers: (view: TModal) => Promise<Record<string, string>>): Promise<void> {
    const view = await openSection(userId, conventionId, section);
    const answer = await okBody(client.interact(submit(userId, view, filledState(view, await answers(view)))));
    expect(answer, `section ${section}: the modal closes`).toBe("");
  }
  return { press, searchFirst, choose, openSection, fillSection };
}
