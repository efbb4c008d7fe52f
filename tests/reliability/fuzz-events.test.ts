import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { isRecord, type Json } from '../rig/block-kit-checker.js';
import { postSigned } from '../rig/wire.js';
import { slackIdLike } from './fuzz-arbitraries.js';
import {
  ANSWER_TIMEOUT_MS,
  checkProperty,
  expectAnswered,
  FUZZ_TEST_TIMEOUT_MS,
  stillServes,
  Tally,
  useFuzzBot,
} from './fuzz-support.js';

const bot = useFuzzBot();
const tally = new Tally('Events API bodies');
afterAll(() => console.info(tally.summary()));

/** A field that is right, missing, or of any other type. */
const maybe = <T>(right: fc.Arbitrary<T>) =>
  fc.oneof(
    { weight: 3, arbitrary: right.map((v): unknown => v) },
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  );

const appHomeOpened = fc.record(
  {
    type: fc.constant('app_home_opened'),
    user: maybe(slackIdLike),
    channel: maybe(fc.constantFrom('D0TEST0001', 'C0TEST0001')),
    tab: maybe(fc.constantFrom('home', 'messages', 'about', '')),
    view: maybe(fc.constant({ id: 'V0HOME01', type: 'home' })),
  },
  { requiredKeys: ['type'] },
);

const OTHER_EVENTS = [
  'message',
  'app_mention',
  'member_joined_channel',
  'reaction_added',
  'app_uninstalled',
  'tokens_revoked',
  'team_join',
  'user_change',
  'view_closed',
  'block_actions',
  '',
];
const otherEvent = fc.record(
  {
    type: fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...OTHER_EVENTS) },
      { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
    ),
    user: maybe(slackIdLike),
    channel: maybe(fc.constant('C0TEST0001')),
    text: maybe(fc.string({ unit: 'binary', maxLength: 50 })),
    subtype: maybe(fc.constantFrom('bot_message', 'message_changed', 'channel_join')),
    bot_id: maybe(fc.constant('BBOT0001')),
  },
  { requiredKeys: ['type'] },
);

/** An event wrapped in the envelope Slack sends (event_id, authorizations, team). */
const wrapped = fc
  .oneof({ weight: 3, arbitrary: appHomeOpened }, { weight: 2, arbitrary: otherEvent })
  .map((event) => ({ event: event as Json }));

/** A whole body of our own making: url_verification, envelopes with fields missing or retyped, any JSON. */
const envelope = fc.record(
  {
    type: fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom('event_callback', 'url_verification', 'app_rate_limited') },
      { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 1 }) },
    ),
    token: maybe(fc.constant('verification-token-test')),
    challenge: maybe(fc.string({ maxLength: 40 })),
    team_id: maybe(fc.constant('T0TEST')),
    api_app_id: maybe(fc.constant('A1')),
    event: maybe(fc.oneof(appHomeOpened, otherEvent)),
    event_id: maybe(fc.stringMatching(/^Ev[0-9A-Z]{8}$/)),
    event_time: maybe(fc.integer()),
    authorizations: maybe(fc.constant([{ team_id: 'T0TEST', user_id: 'UBOT0001', is_bot: true }])),
  },
  { requiredKeys: ['type'] },
);
const raw = fc.oneof(
  { weight: 3, arbitrary: envelope.map((body) => ({ raw: JSON.stringify(body) })) },
  { weight: 2, arbitrary: fc.jsonValue().map((body) => ({ raw: JSON.stringify(body) ?? 'null' })) },
  {
    weight: 1,
    arbitrary: fc
      .oneof(
        fc.constantFrom('', '{', '{"type":', 'null', '[]', '"event_callback"', '{"type":"url_verification"}'),
        fc.string({ unit: 'binary', maxLength: 80 }),
      )
      .map((body) => ({ raw: body })),
  },
);
const body = fc.oneof({ weight: 1, arbitrary: wrapped }, { weight: 1, arbitrary: raw });
type Body = typeof body extends fc.Arbitrary<infer T> ? T : never;

interface Answer {
  strays: number;
  status: number;
  ms: number;
  text: string;
  changes: string;
}

async function send(input: Body): Promise<Answer> {
  const { h } = bot;
  const strays = bot.watch.strays.length;
  const started = performance.now();
  let status = 0;
  let text = '';
  try {
    const res =
      'event' in input
        ? await h.fake.sendEvent(h.appUrl, input.event, { timeoutMs: ANSWER_TIMEOUT_MS })
        : await postSigned(h.appUrl, input.raw, 'application/json', h.fake.signingSecret, {
            timeoutMs: ANSWER_TIMEOUT_MS,
          });
    status = res.status;
    text = res.body;
  } catch {
    status = 0;
  }
  const ms = performance.now() - started;
  return { strays, status, ms, text, changes: await bot.settle() };
}

/** The challenge of a url_verification as Slack sends it (a non-empty string), which must be echoed. */
function challengeOf(input: Body): string | null {
  if (!('raw' in input)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(input.raw);
  } catch {
    return null;
  }
  const { challenge } = isRecord(parsed) && parsed.type === 'url_verification' ? parsed : {};
  return typeof challenge === 'string' && challenge.length > 0 ? challenge : null;
}

function expectSafeAnswer(input: Body, a: Answer): void {
  expectAnswered(a.status, a.ms, tally);
  const challenge = challengeOf(input);
  if (challenge !== null) expect(JSON.parse(a.text), 'the challenge echoed').toEqual({ challenge });
  expect(a.changes, 'rows written by an event').toBe('');
  expect(bot.watch.strays.slice(a.strays), 'unhandled rejections').toEqual([]);
  bot.h.fake.assertNoViolations();
}

describe('Events API bodies, fuzzed', () => {
  it(
    'acks or refuses any body at once, echoes a url_verification challenge, writes nothing, and never fails unhandled',
    async () => {
      await bot.rows.reset();
      let n = 0;
      await checkProperty(
        'Events API bodies',
        fc.asyncProperty(body, async (input) => {
          tally.inputs += 1;
          if (++n % 100 === 0) await stillServes(bot.h);
          const answer = await send(input);
          tally.add(answer.status);
          expectSafeAnswer(input, answer);
        }),
      );
      await stillServes(bot.h);
    },
    FUZZ_TEST_TIMEOUT_MS,
  );
});

describe('Events API bodies: inputs the fuzzer found', () => {
  it('answers a signed JSON body of null with a 400 instead of an unhandled rejection, and keeps serving', async () => {
    const input: Body = { raw: 'null' };
    const answer = await send(input);
    expectSafeAnswer(input, answer);
    expect(answer.status).toBe(400);
    await stillServes(bot.h);
  });

  it.each(['1', '"event_callback"', '[]', 'false'])(
    'answers the JSON body %s, which is not an object, with a 400 at once',
    async (raw) => {
      const input: Body = { raw };
      const answer = await send(input);
      expectSafeAnswer(input, answer);
      expect(answer.status).toBe(400);
    },
  );

  it.each(['{}', '{"type":"event_callback"}', '{"type":42}'])(
    'answers %s, which cannot be routed, at once instead of with a 404 after 3 s',
    async (raw) => {
      const input: Body = { raw };
      expectSafeAnswer(input, await send(input));
    },
  );

  it('answers an event_callback whose event is null with a 400 or an ack, never a 500', async () => {
    const input: Body = {
      raw: JSON.stringify({
        type: 'event_callback',
        team_id: 'T0TEST',
        api_app_id: 'A1',
        event: null,
        event_id: 'Ev0FUZZ001',
        event_time: 1,
      }),
    };
    expectSafeAnswer(input, await send(input));
  });
});
