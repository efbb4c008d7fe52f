import { beforeEach, describe, expect, it } from 'vitest';
import type { Json } from '../rig/block-kit-checker.js';
import { blockActionPayload, viewSubmissionPayload } from '../rig/payloads.js';
import { buildCommand, buildEventEnvelope, buildInteraction } from '../rig/wire.js';
import { seedPlan } from '../support/harness.js';
import { useSocketHarness } from '../support/lifecycle.js';
import { captureLog, LEVEL } from '../support/log-capture.js';
import { ids } from '../support/slack-ids.js';
import { truncateAll } from '../support/test-database.js';
import { wireContext } from './edge-support.js';

const log = captureLog();
const bot = useSocketHarness({ logger: log.logger });
beforeEach(async () => {
  await truncateAll(bot.db);
  await seedPlan(bot.db);
  bot.fake.reset();
});

let seq = 0;
const envelopeId = () => `edge-${++seq}-${Date.now()}`;

/** Sends a frame as Slack's socket would, whatever it holds. */
function sendRaw(frame: string): void {
  const ws = bot.fake.socket.openSockets.at(-1);
  if (ws === undefined) throw new Error('no Socket Mode connection');
  ws.send(frame);
}

const acksFor = (id: string) => bot.fake.socket.acks.filter((a) => a.envelope_id === id);

async function deliverRaw(envelope: Record<string, unknown>): Promise<number> {
  const started = performance.now();
  sendRaw(JSON.stringify(envelope));
  await bot.fake.waitFor(() => acksFor(String(envelope.envelope_id))[0], 3000);
  return performance.now() - started;
}

async function expectStillServing(): Promise<void> {
  const before = bot.fake.responses.length;
  await bot.fake.deliverCommand({ command: '/tiltak', user_id: 'U0KARI01', text: 'hjelp' });
  await bot.fake.waitFor(() => bot.fake.responses.length > before);
  expect(JSON.stringify(bot.fake.responses.at(-1)?.body)).toContain('Tiltak – hjelp');
}

function expectWarned(from: number): void {
  const lines = log.since(from);
  const warn = lines.find((l) => l.level === LEVEL.warn);
  expect(warn, JSON.stringify(lines)).toBeDefined();
  expect(warn?.requestId).toEqual(expect.any(String));
  expect(lines.filter((l) => l.level >= LEVEL.error)).toEqual([]);
}

const updates = () => bot.db.prisma.update.count();
const ctx = () => wireContext(bot.fake);

describe('Socket Mode frames that are not envelopes', () => {
  it.each(['null', '[]', '"hello"', '42', '{"envelope_id":', '{}', '{"type":"events_api","payload":{}}'])(
    'drops %s with a warning and keeps serving',
    async (frame) => {
      const from = log.lines.length;
      sendRaw(frame);
      await bot.fake.waitFor(() => log.since(from).find((l) => l.level === LEVEL.warn), 2000);
      expectWarned(from);
      await expectStillServing();
    },
  );
});

describe('a Socket Mode envelope the bot cannot take is acked and dropped', () => {
  const cases: [string, () => Record<string, unknown>][] = [
    ['an events_api envelope with payload null', () => ({ type: 'events_api', payload: null })],
    [
      'an events_api envelope without an event',
      () => ({ type: 'events_api', payload: { type: 'event_callback', event_id: 'Ev1' } }),
    ],
    [
      'app_home_opened without a user',
      () => ({ type: 'events_api', payload: buildEventEnvelope(ctx(), { type: 'app_home_opened', tab: 'home' }) }),
    ],
    ['an interactive envelope with payload null', () => ({ type: 'interactive', payload: null })],
    ['an interactive envelope with an array payload', () => ({ type: 'interactive', payload: [] })],
    [
      'block_actions without a user',
      () => ({
        type: 'interactive',
        payload: {
          ...buildInteraction(
            ctx(),
            blockActionPayload({ userId: 'U0KARI01', actionId: ids.actions.updates.open, value: '1' }),
          ),
          user: undefined,
        },
      }),
    ],
    [
      'block_actions with user {}',
      () => ({
        type: 'interactive',
        payload: {
          ...buildInteraction(
            ctx(),
            blockActionPayload({ userId: 'U0KARI01', actionId: ids.actions.updates.open, value: '1' }),
          ),
          user: {},
        },
      }),
    ],
    [
      'a view_submission with user {}',
      () => ({
        type: 'interactive',
        payload: {
          ...buildInteraction(ctx(), viewSubmissionPayload({ userId: 'U0KARI01', callbackId: ids.views.updateModal })),
          user: {},
        },
      }),
    ],
    [
      'a view_submission without a view',
      () => ({
        type: 'interactive',
        payload: {
          ...buildInteraction(ctx(), viewSubmissionPayload({ userId: 'U0KARI01', callbackId: ids.views.updateModal })),
          view: undefined,
        },
      }),
    ],
    [
      'a slash command without user_id',
      () => ({
        type: 'slash_commands',
        payload: {
          ...buildCommand(ctx(), { command: '/rapport', user_id: 'U0KOORD1', text: 'send 1' }),
          user_id: undefined,
        },
      }),
    ],
    [
      'a slash command with a user_id of the wrong shape',
      () => ({
        type: 'slash_commands',
        payload: buildCommand(ctx(), { command: '/rapport', user_id: 'koord', text: 'send 1' }),
      }),
    ],
    ['an envelope type Slack does not send', () => ({ type: 'telepathy', payload: {} })],
  ];

  it.each(cases)('%s', async (_label, make) => {
    const from = log.lines.length;
    const before = await updates();
    const ms = await deliverRaw({ envelope_id: envelopeId(), accepts_response_payload: false, ...make() });
    expect(ms).toBeLessThan(1000);
    expectWarned(from);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(bot.fake.responses).toEqual([]);
    expect(bot.fake.calls.filter((c) => c.method.startsWith('views.') || c.method.startsWith('chat.'))).toEqual([]);
    expect(await updates()).toBe(before);
    await expectStillServing();
  });
});

describe('Socket Mode redeliveries run once', () => {
  it('answers an envelope delivered twice (the same envelope id) once', async () => {
    const envelope = {
      envelope_id: envelopeId(),
      type: 'slash_commands',
      accepts_response_payload: true,
      payload: buildCommand(ctx(), { command: '/tiltak', user_id: 'U0KARI01', text: 'hjelp' }),
    };
    await deliverRaw(envelope);
    await bot.fake.waitFor(() => bot.fake.responses[0]);
    sendRaw(JSON.stringify(envelope));
    await bot.fake.waitFor(() => acksFor(envelope.envelope_id)[1]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(bot.fake.responses).toHaveLength(1);
  });

  it('publishes App Home once when Slack retries an event in a new envelope', async () => {
    const payload: Json = buildEventEnvelope(ctx(), {
      type: 'app_home_opened',
      user: 'U0KARI01',
      channel: 'DU0KARI01',
      tab: 'home',
    });
    await deliverRaw({
      envelope_id: envelopeId(),
      type: 'events_api',
      accepts_response_payload: false,
      retry_attempt: 0,
      retry_reason: '',
      payload,
    });
    await bot.fake.waitFor(() => bot.fake.callsTo('views.publish')[0]);
    await deliverRaw({
      envelope_id: envelopeId(),
      type: 'events_api',
      accepts_response_payload: false,
      retry_attempt: 1,
      retry_reason: 'timeout',
      payload,
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(bot.fake.callsTo('views.publish')).toHaveLength(1);
  });
});

describe('GET /healthz in Socket Mode', () => {
  it('is served as in HTTP mode', async () => {
    expect(bot.running.port).toBeGreaterThan(0);
    const res = await fetch(`http://127.0.0.1:${bot.running.port}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', database: 'up', mode: 'socket' });
  });

  it('does not take Slack events over HTTP', async () => {
    const res = await fetch(`http://127.0.0.1:${bot.running.port}/slack/events`, {
      method: 'POST',
      body: 'payload=%7B%7D',
    });
    expect(res.status).toBe(404);
  });
});
