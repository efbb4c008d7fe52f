// The demo page: a Slack-like client for one chosen user. It draws what the
// stand-in holds (channels, DMs, ephemerals, App Home, the modal stack) with
// the pure renderer, and sends clicks, choices, submits and commands back to
// the demo, which turns them into the signed requests Slack would send.

import {
  type Channel,
  type Ephemeral,
  ephemeralHtml,
  type Message,
  type MessageEnv,
  messageHtml,
  type Person,
} from './messages.js';
import { escapeHtml } from './mrkdwn.js';
import { type RenderContext, renderBlocks } from './render.js';
import { type Json, restoreValues, stateOf, valuesOf } from './state-values.js';
import { type Lang, WORDS, type Words } from './words.js';

interface View {
  id: string;
  type: string;
  hash?: string;
  title?: { text: string };
  submit?: { text: string };
  close?: { text: string };
  blocks?: unknown[];
}
interface Snapshot {
  clock: string;
  user: string;
  people: Person[];
  channels: Channel[];
  messages: Record<string, Message[]>;
  ephemerals: Ephemeral[];
  home: View | null;
  modal: View | null;
  stackDepth: number;
}

const HOME = 'home';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const stored = (key: string) => {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
};
const store = (key: string, value: string) => {
  try {
    localStorage.setItem(key, value);
  } catch {
    /* private mode: not remembered */
  }
};

let user = stored('tiltak-demo-user') ?? 'U0DEMOKRD';
let place = stored('tiltak-demo-place') ?? `D${user}`;
let snap: Snapshot | null = null;
let drawn = '';
let modalKey = '';
let modalErrors: Record<string, string> = {};
let openedFrom: HTMLElement | null = null;

function words(): Words {
  const me = snap?.people.find((p) => p.id === user);
  return WORDS[me?.language ?? 'nb'];
}

function lang(): Lang {
  return snap?.people.find((p) => p.id === user)?.language ?? 'nb';
}

async function api(path: string, body: Json): Promise<Json> {
  const res = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await res.json()) as Json;
}

function announce(text: string): void {
  $('status').textContent = text;
}

function formatClock(iso: string): string {
  return new Intl.DateTimeFormat(lang() === 'nb' ? 'nb-NO' : 'en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Oslo',
  }).format(new Date(iso));
}

function context(prefix: string, headingLevel = 3): RenderContext {
  const people = snap?.people ?? [];
  const channels = (snap?.channels ?? []).filter((c) => c.kind !== 'dm');
  return {
    idPrefix: prefix,
    users: people,
    channels,
    headingLevel,
    words: { choose: words().choose, optional: words().optional },
    userName: (id) => people.find((p) => p.id === id)?.name ?? id,
    channelName: (id) => channels.find((c) => c.id === id)?.name ?? id,
  };
}

// ---- drawing ------------------------------------------------------------

function drawChrome(): void {
  const w = words();
  document.documentElement.lang = lang();
  for (const el of document.querySelectorAll<HTMLElement>('[data-word]')) {
    const key = el.dataset.word as keyof Words;
    const text = w[key];
    if (typeof text === 'string') el.textContent = text;
  }
  const picker = $<HTMLSelectElement>('user');
  if (picker.options.length === 0 && snap) {
    picker.innerHTML = snap.people
      .map(
        (p) =>
          `<option value="${escapeHtml(p.id)}">${escapeHtml(`${p.name} – ${w.roles[p.role] ?? p.role}${p.agency ? ` (${p.agency})` : ''}`)}</option>`,
      )
      .join('');
  }
  picker.value = user;
  $('clock').textContent = snap ? formatClock(snap.clock) : '';
  if (snap) $('clock').setAttribute('datetime', snap.clock);
}

function navItem(id: string, label: string, count: number): string {
  const current = id === place ? ' aria-current="page"' : '';
  const badge =
    count > 0
      ? ` <span class="count">${count}<span class="visually-hidden"> ${escapeHtml(words().messages)}</span></span>`
      : '';
  return `<li><button type="button" class="nav-item" id="nav-${escapeHtml(id)}" data-place="${escapeHtml(id)}"${current}>${escapeHtml(label)}${badge}</button></li>`;
}

function drawNav(): void {
  if (!snap) return;
  const count = (id: string) =>
    (snap?.messages[id]?.length ?? 0) + (snap?.ephemerals.filter((e) => e.channel === id).length ?? 0);
  $('channels').innerHTML = snap.channels
    .filter((c) => c.kind !== 'dm')
    .map((c) => navItem(c.id, `# ${c.name}`, count(c.id)))
    .join('');
  $('dms').innerHTML = snap.channels
    .filter((c) => c.kind === 'dm')
    .map((c) => navItem(c.id, c.name, count(c.id)))
    .join('');
  $('apps').innerHTML = navItem(HOME, words().home, 0);
}

/** What the pure message builders need from the page. */
function messageEnv(): MessageEnv {
  return { words: words(), context, formatClock };
}

function drawSurface(): void {
  if (!snap) return;
  const w = words();
  const title = $('surface-title');
  const surface = $('surface');
  const form = $('command-form');
  if (place === HOME) {
    title.textContent = w.homeTitle;
    form.hidden = true;
    surface.innerHTML = snap.home
      ? `<div class="home" data-surface-type="view" data-view-id="${escapeHtml(snap.home.id)}">${renderBlocks(snap.home.blocks, context('home', 3))}</div>`
      : `<p>${escapeHtml(w.homeEmpty)}</p>`;
    return;
  }
  const channel = snap.channels.find((c) => c.id === place) ?? snap.channels.find((c) => c.kind === 'dm');
  if (!channel) return;
  place = channel.id;
  title.textContent = channel.kind === 'dm' ? w.dmTitle : `# ${channel.name}`;
  form.hidden = false;
  const items: Array<{ ts: string; html: string }> = [
    ...(snap.messages[channel.id] ?? []).map((m, i) => ({
      ts: m.ts,
      html: messageHtml(m, channel.id, i, messageEnv()),
    })),
    ...snap.ephemerals
      .filter((e) => e.channel === channel.id)
      .map((e) => ({ ts: e.ts, html: ephemeralHtml(e, messageEnv()) })),
  ].sort((a, b) => Number(a.ts) - Number(b.ts));
  surface.innerHTML =
    items.length > 0
      ? `<ol class="messages">${items.map((x) => `<li>${x.html}</li>`).join('')}</ol>`
      : `<p>${escapeHtml(w.empty)}</p>`;
}

function drawModal(): void {
  const dialog = $<HTMLDialogElement>('modal');
  const view = snap?.modal ?? null;
  if (view === null) {
    modalKey = '';
    if (dialog.open) {
      dialog.close();
      openedFrom?.focus();
    }
    return;
  }
  const key = `${view.id}/${view.hash ?? ''}`;
  if (key === modalKey && dialog.open) return;
  if (key !== modalKey) modalErrors = {};
  modalKey = key;
  const w = words();
  $('modal-title').textContent = view.title?.text ?? '';
  $('modal-body').innerHTML = renderBlocks(view.blocks, { ...context(`v-${view.id}`, 3), errors: modalErrors });
  $('modal-body').dataset.viewId = view.id;
  const submit = $<HTMLButtonElement>('modal-submit');
  submit.hidden = view.submit === undefined;
  submit.textContent = view.submit?.text ?? w.submit;
  $('modal-close').textContent = view.close?.text ?? w.cancel;
  $('modal-problem').textContent = '';
  if (!dialog.open) {
    openedFrom = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
  }
  const first = dialog.querySelector<HTMLElement>(
    '.bk-invalid input, .bk-invalid select, .bk-invalid textarea, #modal-body input, #modal-body select, #modal-body textarea, #modal-body button',
  );
  first?.focus();
}

function draw(): void {
  if (!snap) return;
  const key = JSON.stringify([user, place, snap]);
  if (key === drawn) return;
  drawn = key;
  // Keep the keyboard where it was: the page is redrawn from the stand-in's state.
  const focusedId = document.activeElement instanceof HTMLElement ? document.activeElement.id : '';
  drawChrome();
  drawNav();
  drawSurface();
  drawModal();
  if (focusedId && !$<HTMLDialogElement>('modal').open) document.getElementById(focusedId)?.focus();
}

async function refresh(): Promise<void> {
  const res = await fetch(`/demo/state?user=${encodeURIComponent(user)}`);
  if (res.ok) {
    snap = (await res.json()) as Snapshot;
    draw();
  }
}

/** The bot answers after its ack; look again a few times soon after anything is sent. */
function refreshSoon(): void {
  for (const ms of [0, 300, 900, 2000]) setTimeout(() => void refresh(), ms);
}

// ---- what Slack sends back ------------------------------------------------

function surfaceOf(el: HTMLElement): { surface: Json; container: HTMLElement } | null {
  const modal = el.closest<HTMLElement>('#modal-body');
  if (modal?.dataset.viewId) return { surface: { type: 'view', viewId: modal.dataset.viewId }, container: modal };
  const holder = el.closest<HTMLElement>('[data-surface-type]');
  if (!holder) return null;
  const d = holder.dataset;
  if (d.surfaceType === 'view') return { surface: { type: 'view', viewId: d.viewId }, container: holder };
  if (d.surfaceType === 'ephemeral') return { surface: { type: 'ephemeral', id: d.id }, container: holder };
  return { surface: { type: 'message', channel: d.channel, ts: d.ts }, container: holder };
}

async function sendAction(el: HTMLElement): Promise<void> {
  const where = surfaceOf(el);
  if (!where) return;
  const type = el.dataset.type ?? '';
  const action: Json = { type, action_id: el.dataset.actionId, block_id: el.dataset.blockId };
  if (type === 'button') {
    action.text = { type: 'plain_text', text: el.dataset.text ?? '', emoji: true };
    if (el.dataset.value !== undefined) action.value = el.dataset.value;
    if (el.dataset.style !== undefined) action.style = el.dataset.style;
  } else Object.assign(action, stateOf(el));
  const values = where.surface.type === 'view' ? valuesOf(where.container) : undefined;
  await api('/demo/action', { user, surface: where.surface, action, values });
  refreshSoon();
}

async function submitModal(): Promise<void> {
  const body = $('modal-body');
  const viewId = body.dataset.viewId;
  if (!viewId) return;
  // Slack's client refuses an empty required field before the app hears of it.
  const missing: Record<string, string> = {};
  for (const block of body.querySelectorAll<HTMLElement>('[data-required="1"]')) {
    const el = block.querySelector<HTMLElement>('[data-type]');
    if (!el) continue;
    const entry = Object.values(stateOf(el)).slice(1)[0];
    if (entry === null || (Array.isArray(entry) && entry.length === 0))
      missing[block.dataset.block ?? ''] = words().required;
  }
  const answer =
    Object.keys(missing).length > 0
      ? { ok: false, errors: missing }
      : await api('/demo/submit', { user, viewId, values: valuesOf(body) });
  if (answer.ok === true) {
    announce(words().sent);
    refreshSoon();
    return;
  }
  if (answer.errors && typeof answer.errors === 'object') {
    modalErrors = answer.errors as Record<string, string>;
    const kept = valuesOf(body);
    const view = snap?.modal;
    if (view) body.innerHTML = renderBlocks(view.blocks, { ...context(`v-${view.id}`, 3), errors: modalErrors });
    restoreValues(body, kept);
    body.querySelector<HTMLElement>('.bk-invalid input, .bk-invalid select, .bk-invalid textarea')?.focus();
    announce(Object.values(modalErrors).join(' '));
    return;
  }
  $('modal-problem').textContent = words().problem;
}

// ---- wiring ----------------------------------------------------------------

function go(to: string): void {
  place = to;
  store('tiltak-demo-place', to);
  drawn = '';
  draw();
  if (to === HOME) void api('/demo/home', { user }).then(refreshSoon);
  $('surface-title').focus();
}

document.addEventListener('click', (event) => {
  const target = event.target instanceof HTMLElement ? event.target : null;
  const nav = target?.closest<HTMLElement>('[data-place]');
  if (nav?.dataset.place) return go(nav.dataset.place);
  const button = target?.closest<HTMLElement>('button[data-action-id]');
  if (button) void sendAction(button);
});

document.addEventListener('change', (event) => {
  const el = event.target instanceof HTMLElement ? event.target.closest<HTMLElement>('[data-dispatch="1"]') : null;
  if (el && el.dataset.type !== 'button') void sendAction(el);
});

$('user').addEventListener('change', () => {
  user = $<HTMLSelectElement>('user').value;
  store('tiltak-demo-user', user);
  place = `D${user}`;
  $<HTMLSelectElement>('user').innerHTML = '';
  drawn = '';
  void refresh();
});

$('command-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const input = $<HTMLInputElement>('command');
  const text = input.value.trim();
  if (text === '') return;
  void api('/demo/command', { user, channel: place, text }).then((answer) => {
    if (answer.ok === true) {
      input.value = '';
      announce(words().sent);
    } else announce(words().unknownCommand);
    refreshSoon();
  });
});

async function clock(to: 'reminder' | 'monday', button: HTMLButtonElement): Promise<void> {
  button.disabled = true;
  announce(words().working);
  try {
    const answer = await api('/demo/clock', { to });
    if (typeof answer.clock === 'string') announce(`${words().clockNow} ${formatClock(answer.clock)}`);
  } finally {
    button.disabled = false;
    refreshSoon();
  }
}

$('next-reminder').addEventListener('click', (e) => void clock('reminder', e.currentTarget as HTMLButtonElement));
$('next-monday').addEventListener('click', (e) => void clock('monday', e.currentTarget as HTMLButtonElement));
$('reset').addEventListener('click', async (e) => {
  const button = e.currentTarget as HTMLButtonElement;
  button.disabled = true;
  announce(words().working);
  await api('/demo/reset', {}).finally(() => {
    button.disabled = false;
  });
  announce(words().resetDone);
  drawn = '';
  refreshSoon();
});

$('modal-form').addEventListener('submit', (event) => {
  event.preventDefault();
  void submitModal();
});
const closeModal = () => {
  const viewId = $('modal-body').dataset.viewId;
  if (viewId) void api('/demo/close', { user, viewId }).then(refreshSoon);
};
$('modal-close').addEventListener('click', closeModal);
$('modal').addEventListener('cancel', (event) => {
  // Escape closes the top view, as in Slack; the demo decides what shows next.
  event.preventDefault();
  closeModal();
});

void refresh();
setInterval(() => void refresh(), 1500);
