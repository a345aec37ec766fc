// The local playground: pick a demo person, talk to the bot, fill the forms. Everything the
// page shows comes from the server (cards from the core, threads from PostgreSQL); the page
// keeps only what is on screen.
import { renderCard } from "./cards.js";
import { applyStrings, lang, setLang, t } from "./strings.js";

const EMAIL_KEY = "stagebot.playground.email";
const state = { email: null, groups: [], threads: [], selected: "main", pending: 0, sending: false };
const byId = (id) => document.getElementById(id);
const keyOf = (conventionId) => (conventionId === null ? "main" : String(conventionId));

// ---- server -------------------------------------------------------------------------------

/** Marks the page busy while `work` runs (data-busy on <body>: a hook for tests, aria-busy for readers). */
async function busy(work) {
  state.pending += 1;
  document.body.dataset.busy = "true";
  document.body.setAttribute("aria-busy", "true");
  try {
    return await work();
  } finally {
    state.pending -= 1;
    document.body.dataset.busy = state.pending > 0 ? "true" : "false";
    document.body.setAttribute("aria-busy", String(state.pending > 0));
  }
}

/** GET or POST JSON; rejects with the server's own message (it is written for people). */
function api(path, body) {
  return busy(async () => {
    const headers = { "Accept-Language": lang() };
    const init = body === undefined ? { headers } : { method: "POST", headers: { ...headers, "Content-Type": "application/json" }, body: JSON.stringify(body) };
    let response;
    try {
      response = await fetch(path, init);
    } catch {
      throw new Error(t("networkError"));
    }
    const payload = await response.json().catch(() => null);
    if (!response.ok) throw new Error(payload?.error?.message ?? `HTTP ${response.status}`);
    return payload;
  });
}

function showError(error) {
  byId("alert").textContent = `${t("errorPrefix")} : ${error instanceof Error ? error.message : String(error)}`;
  byId("alert").hidden = false;
}

function clearError() {
  byId("alert").hidden = true;
  byId("alert").textContent = "";
}

const cardHandlers = {
  onExecute: (verb, data) => void sendEvent({ kind: "action", verb, data }),
  onSearch: async (dataset, text, data) => {
    const { choices } = await api("/playground/search", { email: state.email, query: { dataset, text, data } });
    return choices;
  },
};

// ---- identity -----------------------------------------------------------------------------

function renderPeople() {
  const select = byId("identity");
  select.replaceChildren();
  for (const group of state.groups) {
    const optgroup = document.createElement("optgroup");
    optgroup.label = t(`role_${group.role}`);
    for (const person of group.people) {
      const option = new Option(person.description ? `${person.name} — ${person.description}` : person.name, person.email);
      option.dataset.role = group.role;
      optgroup.append(option);
    }
    select.append(optgroup);
  }
  select.value = state.email ?? "";
}

async function loadPeople() {
  const { groups } = await api("/playground/people");
  state.groups = groups;
  const emails = groups.flatMap((group) => group.people.map((person) => person.email));
  const remembered = localStorage.getItem(EMAIL_KEY);
  state.email = emails.includes(remembered) ? remembered : (emails[0] ?? null);
  renderPeople();
}

async function switchIdentity(email) {
  state.email = email;
  localStorage.setItem(EMAIL_KEY, email);
  state.selected = "main";
  closeForm();
  clearError();
  await loadThreads();
}

// ---- threads ------------------------------------------------------------------------------

function threadTitle(thread) {
  if (thread.conventionId === null) return t("mainConversation");
  return thread.title ?? t("conventionFallback", { id: thread.conventionId });
}

function sortThreads(threads) {
  const main = threads.filter((thread) => thread.conventionId === null);
  const conventions = threads.filter((thread) => thread.conventionId !== null).sort((a, b) => (b.lastActivity ?? "").localeCompare(a.lastActivity ?? ""));
  return [...main, ...conventions];
}

function renderThreads() {
  const list = byId("threads");
  list.replaceChildren();
  for (const thread of state.threads) {
    const key = keyOf(thread.conventionId);
    const button = document.createElement("button");
    button.type = "button";
    button.className = "thread";
    button.dataset.testid = "thread-item";
    button.dataset.thread = key;
    button.textContent = threadTitle(thread);
    // Drafts share a title until they get their number: the id tells them apart.
    if (thread.conventionId !== null)
      button.append(Object.assign(document.createElement("span"), { className: "badge", textContent: `#${thread.conventionId}` }));
    if (thread.closed) button.append(Object.assign(document.createElement("span"), { className: "badge", textContent: t("closed") }));
    if (key === state.selected) button.setAttribute("aria-current", "true");
    button.addEventListener("click", () => {
      state.selected = key;
      renderThreads();
      renderMessages();
    });
    const item = document.createElement("li");
    item.append(button);
    list.append(item);
  }
}

function renderMessages() {
  const thread = state.threads.find((candidate) => keyOf(candidate.conventionId) === state.selected) ?? state.threads[0];
  const container = byId("messages");
  container.replaceChildren();
  byId("thread-title").textContent = thread ? threadTitle(thread) : "";
  if (!thread || thread.messages.length === 0) {
    container.append(Object.assign(document.createElement("p"), { className: "empty", textContent: t("noMessages") }));
    return;
  }
  for (const message of thread.messages) {
    const article = document.createElement("article");
    article.className = `message message-${message.kind}`;
    article.dataset.testid = "message";
    article.dataset.kind = message.kind;
    article.append(renderCard(message.card, cardHandlers));
    container.append(article);
  }
  // Newest at the bottom, as in Slack and Teams; the progress card stays first in the thread.
  container.scrollTop = container.scrollHeight;
}

/** The playground's "run the jobs": every scheduled job now, what it enqueued delivered, then the threads reloaded. */
async function runJobs() {
  try {
    clearError();
    const { delivered } = await api("/playground/jobs/run", {});
    byId("alert").textContent = t("jobsRan").replace("{count}", String(delivered));
    byId("alert").hidden = false;
    await loadThreads();
  } catch (error) {
    showError(error);
  }
}

async function loadThreads() {
  if (!state.email) return;
  const { threads } = await api(`/playground/threads?email=${encodeURIComponent(state.email)}`);
  state.threads = sortThreads(threads);
  if (!state.threads.some((thread) => keyOf(thread.conventionId) === state.selected)) state.selected = "main";
  renderThreads();
  renderMessages();
}

/** Reloads the threads an event changed; a thread that appears (a new convention) is opened. */
async function reloadThreads(changed) {
  if (changed.length === 0) return;
  const only = changed.map(keyOf).join(",");
  const { threads } = await api(`/playground/threads?email=${encodeURIComponent(state.email)}&only=${only}`);
  const known = new Set(state.threads.map((thread) => keyOf(thread.conventionId)));
  const merged = new Map(state.threads.map((thread) => [keyOf(thread.conventionId), thread]));
  for (const thread of threads) merged.set(keyOf(thread.conventionId), thread);
  state.threads = sortThreads([...merged.values()]);
  const appeared = threads.find((thread) => !known.has(keyOf(thread.conventionId)));
  if (appeared) state.selected = keyOf(appeared.conventionId);
  renderThreads();
  renderMessages();
}

// Messages from other people (approval cards, decisions) arrive through the outbox, not as an
// answer to this page's events: look for them every few seconds while the page is idle, and
// re-render only when something changed (a card being read is not redrawn for nothing).
const POLL_MS = 2000;

function signature(threads) {
  return JSON.stringify(threads.map((thread) => [thread.conventionId, thread.closed, thread.messages.map((message) => [message.id, message.updatedAt])]));
}

async function poll() {
  if (!state.email || state.pending > 0 || state.sending || byId("form-dialog").open) return;
  const email = state.email;
  const { threads } = await api(`/playground/threads?email=${encodeURIComponent(email)}`);
  // The identity may have changed, or an event started, while the request was in flight.
  if (email !== state.email || state.pending > 0 || state.sending) return;
  const sorted = sortThreads(threads);
  if (signature(sorted) === signature(state.threads)) return;
  state.threads = sorted;
  if (!state.threads.some((thread) => keyOf(thread.conventionId) === state.selected)) state.selected = "main";
  renderThreads();
  renderMessages();
  announceLatest();
}

// ---- events and forms ---------------------------------------------------------------------

/** Tells screen readers what the bot answered, without re-reading the whole thread. */
function announceLatest() {
  const last = byId("messages").lastElementChild;
  byId("announce").textContent = last ? last.textContent.replace(/\s+/g, " ").trim().slice(0, 300) : "";
}

// Busy from the click until the threads are re-rendered, so "not busy" means "up to date".
// One event at a time: a double click on "Enregistrer" must not submit the form twice.
function sendEvent(event) {
  if (state.sending) return Promise.resolve();
  state.sending = true;
  clearError();
  return busy(async () => {
    try {
      const result = await api("/playground/events", { email: state.email, event });
      if (result.form) openForm(result.form, result.errors);
      else if (result.closeForm) closeForm();
      await reloadThreads(result.changedThreads);
      announceLatest();
    } catch (error) {
      showError(error);
    } finally {
      state.sending = false;
    }
  });
}

// The card says each error once, under its input (and those of no input on top): the dialog
// repeats none of them; its hidden alert only tells screen readers that there are some.
function openForm(card, errors) {
  const dialog = byId("form-dialog");
  const summary = byId("form-errors");
  const count = Object.keys(errors ?? {}).length;
  summary.textContent = count > 0 ? t("formErrors") : "";
  summary.hidden = count === 0;
  byId("form-card").replaceChildren(renderCard(card, cardHandlers));
  if (!dialog.open) dialog.showModal();
}

// The person closes the form without saving: the core keeps what was typed and says so.
function closeByPerson() {
  const event = byId("form-card").firstElementChild?.closingEvent?.();
  if (event) void sendEvent(event);
  else closeForm();
}

function closeForm() {
  const dialog = byId("form-dialog");
  if (dialog.open) dialog.close();
  byId("form-card").replaceChildren();
}

// ---- start --------------------------------------------------------------------------------

function wire() {
  setInterval(() => void poll().catch(() => undefined), POLL_MS);
  byId("identity").addEventListener("change", (event) => void switchIdentity(event.target.value).catch(showError));
  byId("new-convention").addEventListener("click", () => void sendEvent({ kind: "action", verb: "new_convention", data: {} }));
  byId("form-close").addEventListener("click", closeByPerson);
  // Escape closes the dialog too: what was typed is kept the same way.
  byId("form-dialog").addEventListener("cancel", (event) => {
    event.preventDefault();
    closeByPerson();
  });
  byId("run-jobs").addEventListener("click", () => void runJobs());
  byId("language").addEventListener("click", () => {
    setLang(lang() === "fr" ? "en" : "fr");
    applyStrings();
    renderPeople();
    renderThreads();
    renderMessages();
    // The person shown answers in that language from now on: the bot is told, as if typed.
    if (state.email) void sendEvent({ kind: "message", text: lang() === "en" ? "english" : "français", conventionId: null });
  });
  byId("composer").addEventListener("submit", (event) => {
    event.preventDefault();
    const input = byId("message-input");
    const text = input.value.trim();
    if (!text) return;
    input.value = "";
    const conventionId = state.selected === "main" ? null : Number(state.selected);
    void sendEvent({ kind: "message", text, conventionId });
  });
}

async function start() {
  setLang(lang());
  applyStrings();
  wire();
  try {
    await loadPeople();
    await loadThreads();
  } catch (error) {
    showError(error);
  }
  document.body.dataset.ready = "true";
}

void start();
