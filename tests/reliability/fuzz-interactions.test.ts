import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { isRecord } from '../rig/block-kit-checker.js';
import { formEncode, postSigned } from '../rig/wire.js';
import { BOT_TOKEN } from '../support/harness.js';
import { LEVEL } from '../support/log-capture.js';
import { ids } from './fuzz-ids.js';
import { type Interaction, interaction } from './fuzz-interaction-inputs.js';
import {
  ANSWER_TIMEOUT_MS,
  checkProperty,
  expectAnswered,
  FUZZ_TEST_TIMEOUT_MS,
  PEOPLE,
  stillServes,
  Tally,
  useFuzzBot,
} from './fuzz-support.js';

// Debug level into a captured stream: the log check at the end reads every line these inputs caused.
const bot = useFuzzBot({ logAtDebug: true });
const tally = new Tally('interactive payloads');
afterAll(() => console.info(tally.summary()));

interface Answer {
  /** How many strays the process had seen before this input. */
  strays: number;
  status: number;
  ms: number;
  changes: string;
}

async function send(input: Interaction): Promise<Answer> {
  const { h } = bot;
  const strays = bot.watch.strays.length;
  const started = performance.now();
  let status = 0;
  try {
    const res =
      'raw' in input
        ? await postSigned(h.appUrl, input.raw, 'application/x-www-form-urlencoded', h.fake.signingSecret, {
            timeoutMs: ANSWER_TIMEOUT_MS,
          })
        : await h.fake.sendInteraction(h.appUrl, input.payload, { timeoutMs: ANSWER_TIMEOUT_MS });
    status = res.status;
  } catch {
    status = 0; // no answer at all
  }
  const ms = performance.now() - started;
  return { strays, status, ms, changes: await bot.settle() };
}

/** A snooze is the one click that writes; only a registered user's, with a value that reads back. */
function mayWrite(input: Interaction): boolean {
  if (!('payload' in input)) return false;
  const p = input.payload;
  const action = Array.isArray(p.actions) && isRecord(p.actions[0]) ? p.actions[0] : {};
  const user = isRecord(p.user) ? p.user.id : undefined;
  return (
    p.type === 'block_actions' &&
    action.action_id === ids.actions.reminders.snooze &&
    typeof user === 'string' &&
    (Object.values(PEOPLE) as string[]).includes(user) &&
    user !== PEOPLE.unregistered
  );
}

function expectSafeAnswer(input: Interaction, answer: Answer): void {
  expectAnswered(answer.status, answer.ms, tally);
  if (!mayWrite(input)) expect(answer.changes, 'rows written by an interaction that cannot write').toBe('');
  expect(bot.watch.strays.slice(answer.strays), 'unhandled rejections').toEqual([]);
  bot.h.fake.assertNoViolations();
}

describe('interactive payloads, fuzzed', () => {
  it(
    'answers any payload at once with an ack or a 400, writes nothing it should not, and never fails unhandled',
    async () => {
      await bot.rows.reset();
      let n = 0;
      await checkProperty(
        'interactive payloads',
        fc.asyncProperty(interaction, async (input) => {
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

  it('never logs the bot token or the signing secret, even at debug level', () => {
    expect(
      bot.log.some((line) => line.level === LEVEL.debug),
      'the debug log was captured',
    ).toBe(true);
    const log = JSON.stringify(bot.log);
    expect(log).not.toContain(BOT_TOKEN);
    expect(log).not.toContain(bot.h.fake.signingSecret);
  });
});

describe('interactive payloads: inputs the fuzzer found', () => {
  const kari = { id: PEOPLE.contactNb, username: 'kari', team_id: 'T0TEST' };

  it('answers a signed payload=null with a 400 instead of an unhandled rejection, and keeps serving', async () => {
    const input: Interaction = { raw: 'payload=null' };
    const answer = await send(input);
    expectSafeAnswer(input, answer);
    expect(answer.status).toBe(400);
    await stillServes(bot.h);
  });

  it.each(['1', '"x"', '[]', 'true'])(
    'answers payload=%s, JSON that is not an object, with a 400 at once',
    async (json) => {
      const input: Interaction = { raw: formEncode({ payload: json }) };
      const answer = await send(input);
      expectSafeAnswer(input, answer);
      expect(answer.status).toBe(400);
    },
  );

  it('answers a block_actions payload with neither user nor actions at once, not with a 404 after 3 s', async () => {
    const input: Interaction = { payload: { type: 'block_actions' } };
    expectSafeAnswer(input, await send(input));
  });

  it('answers a click on a real button without a user with a 400 or an ack that opens nothing, never a 500', async () => {
    const input: Interaction = {
      payload: {
        type: 'block_actions',
        actions: [{ type: 'button', action_id: ids.actions.updates.open, value: '{"m":1}' }],
      },
    };
    const opened = bot.h.fake.callsTo('views.open').length;
    expectSafeAnswer(input, await send(input));
    expect(bot.h.fake.callsTo('views.open')).toHaveLength(opened);
  });

  it.each([
    [
      'view_closed',
      {
        type: 'view_closed',
        user: kari,
        view: { id: 'V0FUZZ01', callback_id: ids.views.updateModal, private_metadata: '' },
      },
    ],
    ['shortcut', { type: 'shortcut', user: kari, callback_id: 'tiltak' }],
    [
      'a block action on an input no listener handles',
      {
        type: 'block_actions',
        user: kari,
        actions: [{ type: 'plain_text_input', action_id: ids.actions.updates.input }],
      },
    ],
  ])('acks %s, which nothing handles, at once instead of timing out', async (_what, payload) => {
    const input: Interaction = { payload };
    expectSafeAnswer(input, await send(input));
  });
});
