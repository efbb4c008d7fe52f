import { isDeepStrictEqual } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { knownActionIds } from '../../src/slack-ids.js';
import type { Json } from '../rig/block-kit-checker.js';
import type { EnvelopeType } from '../rig/socket-mode.js';
import { buildCommand, buildEventEnvelope, buildInteraction, type WireContext } from '../rig/wire.js';
import { type Harness, type HarnessOptions, startHarness } from '../support/harness.js';
import { watchRequests } from '../support/in-flight.js';
import { rowCounts } from '../support/row-counts.js';
import {
  botEvents,
  commandTexts,
  type ForgedBody,
  forgedRequests,
  type PlanFacts,
  viewCallbackIds,
} from './forged-identity-cases.js';

const matrix = await forgedRequests();
const rows = matrix.map((c) => [c.label, c] as const);
const events = await botEvents();

/** A running bot whose plan makes any lookup by a missing id act as the coordinator. */
interface Bot {
  h: Harness;
  plan: PlanFacts;
  /** Row counts of the plan as set up: a row that leaves them changed gets a fresh plan before the next. */
  pristine: Record<string, number>;
}

async function setUpPlan(h: Harness): Promise<Pick<Bot, 'plan' | 'pristine'>> {
  const { prisma } = h.db;
  // Prisma reads `slackId: undefined` as no filter: with the coordinator the only active person,
  // a request that let a missing id through would act as the coordinator, who may do everything.
  await prisma.person.updateMany({ where: { role: { not: 'COORDINATOR' } }, data: { active: false } });
  const measure = (number: number) => prisma.measure.findUniqueOrThrow({ where: { number } }).then((m) => m.id);
  const agency = (code: string) => prisma.agency.findUniqueOrThrow({ where: { code } }).then((a) => a.id);
  const plan = {
    measure1: await measure(1),
    measure3: await measure(3),
    jd: await agency('JD'),
    bfd: await agency('BFD'),
  };
  return { plan, pristine: await rowCounts(h.db) };
}

function useBot(options?: HarnessOptions, ready?: (h: Harness) => Promise<void>): () => Bot {
  let bot: Bot | undefined;
  beforeAll(async () => {
    const h = await startHarness(options);
    await ready?.(h);
    bot = { h, ...(await setUpPlan(h)) };
  });
  afterAll(async () => {
    await bot?.h.stop();
  });
  afterEach(async () => {
    if (bot === undefined) return;
    const { h } = bot;
    h.fake.assertNoViolations();
    if (isDeepStrictEqual(await rowCounts(h.db), bot.pristine)) return h.fake.reset();
    await h.reset();
    bot = { h, ...(await setUpPlan(h)) };
  });
  return () => {
    if (bot === undefined) throw new Error('the bot is used before beforeAll started it');
    return bot;
  };
}

/** Sends the request, waits until Bolt has finished with it, and checks that it changed nothing anywhere. */
async function refusedWithoutTrace<T>(
  bot: Bot,
  send: (requests: ReturnType<typeof watchRequests>) => Promise<T>,
): Promise<T> {
  const { h } = bot;
  const requests = watchRequests(h.running.tiltak.app);
  const before = await rowCounts(h.db);
  const result = await send(requests);
  await requests.settled();
  expect(await rowCounts(h.db), 'rows written').toEqual(before);
  // Any Web API call would answer as someone or act for them; these two only connect and authorise the bot.
  const calls = h.fake.calls
    .map((c) => c.method)
    .filter((method) => method !== 'auth.test' && method !== 'apps.connections.open');
  expect(calls, 'Web API calls').toEqual([]);
  expect(h.fake.responses, 'response_url posts').toEqual([]);
  return result;
}

describe('the forged-identity matrix', () => {
  it('covers every slash sub-command, action id, view and bot event the code defines', () => {
    const commands = commandTexts();
    expect(commands.length).toBeGreaterThan(0);
    expect(knownActionIds().length).toBeGreaterThan(0);
    expect(viewCallbackIds().length).toBeGreaterThan(0);
    expect(events.length).toBeGreaterThan(0);
    // Four forms of user_id per command; three of `user` per action, view submission, view close and event.
    expect(matrix).toHaveLength(
      commands.length * 4 + knownActionIds().length * 3 + viewCallbackIds().length * 6 + events.length * 3,
    );
  });
});

// One bot over HTTP serves the signed requests and the bodies handed straight to Bolt.
const httpBot = useBot();

describe('over signed HTTP, a request without a valid user is refused and leaves no trace', () => {
  it.each(rows)('%s', async (_label, forged) => {
    const { h, plan } = httpBot();
    const body = forged.build(plan);
    const res = await refusedWithoutTrace(httpBot(), () => {
      switch (body.kind) {
        case 'command':
          return h.fake.sendCommand(h.appUrl, body.fields);
        case 'interactive':
          return h.fake.sendInteraction(h.appUrl, body.payload);
        case 'event':
          return h.fake.sendEvent(h.appUrl, body.event);
      }
    });
    // Refused at the edge (4xx), or a plain ack that does nothing; never a 5xx.
    expect.soft(res.status, 'status').toBeLessThan(500);
    if (res.status < 300) expect(res.body, 'ack').toBe('');
  });
});

describe('over Socket Mode, the same envelopes are refused and leave no trace', () => {
  const bot = useBot({ env: { SLACK_APP_TOKEN: 'xapp-1-test' } }, (h) => h.fake.socket.waitForConnection());
  const TYPES: Record<ForgedBody['kind'], EnvelopeType> = {
    command: 'slash_commands',
    interactive: 'interactive',
    event: 'events_api',
  };

  it.each(rows)('%s', async (_label, forged) => {
    const { h, plan } = bot();
    const body = forged.build(plan);
    const payload = onTheWire(h, body);
    const ack = await refusedWithoutTrace(bot(), async (requests) => {
      let answered = false;
      const acked = h.fake.deliver(TYPES[body.kind], payload, { timeoutMs: 10_000 }).then(
        (ack) => {
          answered = true;
          return ack;
        },
        () => null,
      );
      // Bolt takes the envelope in, or a guard in front of it answers; either is the start of its handling.
      await h.fake.waitFor(() => requests.count() > 0 || answered, 3000).catch(() => undefined);
      await requests.settled();
      // Bolt acks from inside the listener, so the ack is on the wire by now or never comes;
      // an envelope nobody acks (no listener for it) is as good as refused: Slack gives up on it.
      return Promise.race([acked, new Promise<null>((resolve) => setTimeout(() => resolve(null), 200))]);
    });
    expect(ack?.payload ?? {}, 'ack payload').toEqual({});
  });
});

/**
 * The listeners' own check, with nothing in front of it: the same bodies
 * handed straight to Bolt, as a receiver would after any edge guard let them
 * through. Bolt itself cannot route an interaction with no `user` at all (it
 * throws before any listener runs); everything else reaches our listeners.
 */
describe('behind the edge, every listener refuses the request itself', () => {
  it.each(rows)('%s', async (_label, forged) => {
    const { h, plan } = httpBot();
    const body = forged.build(plan);
    const raw = onTheWire(h, body);
    const acks: unknown[] = [];
    const failure = await refusedWithoutTrace(httpBot(), () =>
      h.running.tiltak.app
        .processEvent({ body: raw, ack: async (response?: unknown) => void acks.push(response) })
        .then(
          () => null,
          (error: unknown) => error,
        ),
    );
    expect(
      acks.filter((a) => a !== undefined),
      'acks with content',
    ).toEqual([]);
    const unroutable = body.kind === 'interactive' && !('user' in body.payload);
    if (!unroutable) expect(failure).toBeNull();
  });
});

/** The body as Slack would send it (token, team, trigger_id, response_url), for a Socket Mode envelope or Bolt itself. */
function onTheWire(h: Harness, body: ForgedBody): Json {
  const wire: WireContext = {
    signingSecret: h.fake.signingSecret,
    identity: h.fake.state.identity,
    responseUrl: () => h.fake.responseUrl(),
    issueTrigger: (id) => h.fake.issueTrigger(id),
  };
  switch (body.kind) {
    case 'command':
      return buildCommand(wire, body.fields);
    case 'interactive':
      return buildInteraction(wire, body.payload);
    case 'event':
      return buildEventEnvelope(wire, body.event);
  }
}
