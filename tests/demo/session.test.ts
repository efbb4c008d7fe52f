// The demo end to end without a browser: the real bot behind the stand-in,
// started as `npm start` starts it, the page's JSON API, what it binds to,
// and a reset. Every surface the bot drew on the way must be drawable.
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RenderContext, renderBlocks } from '../../src/demo/page/render.js';
import { demoRoutes, snapshot } from '../../src/demo/routes.js';
import { DEMO_START, DemoSession } from '../../src/demo/session.js';

let session: DemoSession;
let dataDir: string;

const ctx: RenderContext = {
  idPrefix: 't',
  users: [],
  channels: [],
  words: { choose: 'Velg', optional: 'valgfritt' },
  userName: (id) => id,
  channelName: (id) => id,
};

const call = (path: string, body: object, headers: Record<string, string> = {}) =>
  fetch(`${session.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

function reachable(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 1000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'tiltak-demo-'));
  session = new DemoSession({
    port: 0,
    dataDir,
    bundledPlan: 'plans/handlingsplan-2003-2005.yaml',
    logLevel: 'silent',
  });
  session.serve(demoRoutes(session));
  await session.start();
}, 120_000);

afterAll(async () => {
  await session?.stop();
  await session?.standIn.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('npm run demo', () => {
  it('starts on the demo clock with made-up history: the first morning’s reminders and last week’s digests', () => {
    expect(session.clock.now().toISOString()).toBe(new Date(DEMO_START).toISOString());
    expect(session.standIn.messages('DU0DEMOUDI').length).toBeGreaterThan(0);
    expect(session.standIn.messages('C0DEMOAREA1')[0]?.text).toMatch(/uke 22/);
  });

  it('listens on 127.0.0.1 only, the page and the bot alike', async () => {
    const outside = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;
    const ports = [new URL(session.url).port, String(session.botPort)].map(Number);
    for (const port of ports) {
      expect(await reachable('127.0.0.1', port)).toBe(true);
      if (outside) expect(await reachable(outside, port)).toBe(false);
    }
  });

  it('answers only pages from this machine, and only JSON posts', async () => {
    // fetch will not send another Host; DNS rebinding would.
    const foreign = await new Promise<number>((resolve, reject) => {
      request(`${session.url}/demo/state?user=U0DEMOKRD`, { headers: { host: 'evil.example' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
        .on('error', reject)
        .end();
    });
    expect(foreign).toBe(403);
    const form = await fetch(`${session.url}/demo/reset`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'x=1',
    });
    expect(form.status).toBe(404);
    expect((await call('/demo/command', { user: 'U0NOBODY', channel: 'DU0NOBODY', text: '/tiltak' })).status).toBe(400);
    expect(
      await (await call('/demo/command', { user: 'U0DEMOKRD', channel: 'DU0DEMOKRD', text: '/giphy cat' })).json(),
    ).toEqual({ ok: false, problem: 'unknown_command' });
  });

  it('serves the page and its scripts, type-stripped, with nothing to build', async () => {
    const html = await (await fetch(session.url)).text();
    expect(html).toContain('<script type="module" src="/page/app.js">');
    const app = await fetch(`${session.url}/page/app.js`);
    expect(app.headers.get('content-type')).toMatch(/javascript/);
    expect(await app.text()).toContain('from "./render.js"');
    expect((await fetch(`${session.url}/page/nothing.js`)).status).toBe(404);
  });

  it('a command, a modal with a field error, a fixed submit, Monday’s digest and Home: all drawable', {
    timeout: 90_000,
  }, async () => {
    const user = 'U0DEMOKRD';
    expect(
      await (await call('/demo/command', { user, channel: `D${user}`, text: '/tiltak oppdater 1' })).json(),
    ).toEqual({ ok: true });
    const view = () => {
      session.client.sync();
      return snapshot(session, user).modal as { id: string; callback_id: string } | null;
    };
    // A loading view first; views.update puts the form in it.
    await expect.poll(() => view()?.callback_id).toBe('update_modal');
    const values = (spend: string) => ({
      update_status: {
        update_input: {
          type: 'static_select',
          selected_option: { text: { type: 'plain_text', text: 'I rute' }, value: 'ON_TRACK' },
        },
      },
      update_done: { update_input: { type: 'plain_text_input', value: 'Sendt på høring.' } },
      update_spend: { update_input: { type: 'plain_text_input', value: spend } },
      update_period: { update_input: { type: 'datepicker', selected_date: '2004-06-01' } },
    });
    const viewId = view()?.id as string;
    const refused = (await (await call('/demo/submit', { user, viewId, values: values('-5') })).json()) as {
      ok: boolean;
      errors?: Record<string, string>;
    };
    expect(refused.ok).toBe(false);
    expect(Object.keys(refused.errors ?? {})).toEqual(['update_spend']);
    expect(await (await call('/demo/submit', { user, viewId, values: values('5000') })).json()).toEqual({ ok: true });
    expect(view()).toBeNull();
    await expect
      .poll(() => session.standIn.messages(`D${user}`).some((m) => /Sendt på høring/.test(JSON.stringify(m.blocks))))
      .toBe(true);

    expect(await (await call('/demo/clock', { to: 'monday' })).json()).toEqual({
      ok: true,
      clock: '2004-06-07T06:00:00.000Z',
    });
    expect(session.standIn.messages('C0DEMOAREA1').some((m) => /uke 23/.test(m.text ?? ''))).toBe(true);
    expect(session.standIn.files.some((f) => f.channel_id === 'C0DEMOAREA1' && f.filename.endsWith('.png'))).toBe(true);
    await call('/demo/home', { user: 'U0DEMOKOR' });
    expect(session.standIn.state.homeViews.get('U0DEMOKOR')).toBeDefined();

    const surfaces = [
      ...session.standIn.state.allMessages().map((m) => m.blocks),
      ...session.client.ephemerals.map((e) => e.blocks),
      ...[...session.standIn.state.views.values()].map((v) => v.view.blocks),
    ];
    const drawn = surfaces.map((blocks) => renderBlocks(blocks, ctx)).join('');
    expect(drawn).not.toContain('bk-unsupported');
    expect(session.standIn.violations).toEqual([]);
  });

  it('Reset starts afresh: the clock, the database and what the page showed', async () => {
    expect(await (await call('/demo/reset', {})).json()).toEqual({ ok: true });
    expect(session.clock.now().toISOString()).toBe(new Date(DEMO_START).toISOString());
    expect(session.client.ephemerals).toEqual([]);
    const topLevel = session.standIn.messages('C0DEMOAREA1').filter((m) => m.thread_ts === undefined);
    expect(topLevel.map((m) => m.text)).toEqual([expect.stringMatching(/uke 22/)]);
    expect(session.standIn.messages('DU0DEMOKRD').some((m) => /Sendt på høring/.test(JSON.stringify(m.blocks)))).toBe(
      false,
    );
    // A fresh database, the plan and the seed: slow on a busy machine.
  }, 120_000);
});
