import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import * as rapport from '../../commands/rapport.js';
import * as tiltak from '../../commands/tiltak.js';
import * as tiltakAdmin from '../../commands/tiltak-admin.js';
import { dispatch } from '../../src/kernel/commands/dispatch.js';
import { messages } from '../../src/kernel/i18n/index.js';
import { hostileText, hostileWord, hugeNumber } from './fuzz-arbitraries.js';
import {
  ANSWER_TIMEOUT_MS,
  APOLOGIES,
  checkProperty,
  expectAnswered,
  FUZZ_TEST_TIMEOUT_MS,
  PEOPLE,
  stillServes,
  Tally,
  useFuzzBot,
} from './fuzz-support.js';

const bot = useFuzzBot();
const tally = new Tally('slash command text');
afterAll(() => console.info(tally.summary()));

const COMMANDS = {
  '/tiltak': tiltak.subcommands(),
  '/rapport': rapport.subcommands(),
  '/tiltak-admin': tiltakAdmin.subcommands(),
} as const;
type Command = keyof typeof COMMANDS;
const coordinators: string[] = [PEOPLE.coordinator, PEOPLE.admin];

/** Sub-commands whose purpose is to write, and who may use them; every other text must leave the database alone. */
const WRITERS: Record<string, (user: string) => boolean> = {
  language: (user) => user !== PEOPLE.unregistered,
  absence: (user) => user !== PEOPLE.unregistered,
  round: (user) => coordinators.includes(user),
  'digest-send': (user) => coordinators.includes(user),
};

/** Splits as the dispatcher does (it keeps its own splitter private). */
const words = (text: string): string[] =>
  text
    .trim()
    .split(/[\s\u00a0]+/u)
    .filter((t) => t.length > 0);

function subcommandKey(command: Command, text: string): string | undefined {
  if (words(text).length === 0) return undefined;
  const found = dispatch(COMMANDS[command], text);
  return found.kind === 'found' ? found.subcommand.key : undefined;
}

const allNames = Object.values(COMMANDS).flatMap((list) => list.flatMap((s) => s.names));
const separator = fc.constantFrom(' ', '  ', '\t', '\u00a0', '\n', ' \u200b');
const structured = fc
  .tuple(
    fc.constantFrom(
      ...allNames,
      'område',
      'status',
      'lukk',
      'av',
      'csv',
      'docx',
      'md',
      'ny',
      'new',
      'person',
      'tiltak',
    ),
    fc.boolean(),
    fc.array(hostileWord, { maxLength: 4 }),
    separator,
  )
  .map(([word, upper, args, sep]) => [upper ? word.toUpperCase() : word, ...args].join(sep));
const measureNumber = fc
  .tuple(
    fc.constantFrom('', 'historikk ', 'oppdater ', 'history '),
    fc.oneof(hugeNumber, fc.stringMatching(/^[1-9]\d{0,29}$/)),
  )
  .map(([sub, number]) => `${sub}${number}`);
const text = fc.oneof(
  { weight: 2, arbitrary: hostileText },
  { weight: 3, arbitrary: structured },
  { weight: 1, arbitrary: measureNumber },
);
const input = fc.record({
  command: fc.constantFrom<Command>('/tiltak', '/rapport', '/tiltak-admin'),
  user: fc.constantFrom(...Object.values(PEOPLE)),
  text,
});

interface Answer {
  /** How many strays the process had seen before this input. */
  strays: number;
  status: number;
  ms: number;
  replies: string[];
  /** The modals the command opened, and what replaced a loading modal (as JSON). */
  modals: string[];
  changes: string;
}

const LOADING = JSON.stringify(messages('nb').common.loading).slice(1, -1);

/** Sends the command signed as Slack does and collects every reply to its response_url, and every modal it opened. */
async function send(command: string, user: string, text: string): Promise<Answer> {
  const { h } = bot;
  const strays = bot.watch.strays.length;
  const callsBefore = h.fake.calls.length;
  const res = await h.fake.sendCommand(h.appUrl, { command, user_id: user, text }, { timeoutMs: ANSWER_TIMEOUT_MS });
  const id = (res.sent.response_url ?? '').split('/').pop();
  const since = () => h.fake.calls.slice(callsBefore);
  const opened = () => since().filter((c) => c.method === 'views.open' && c.args.trigger_id === res.sent.trigger_id);
  const modalViews = () => [
    ...opened().map((c) => JSON.stringify(c.args.view)),
    ...since()
      .filter((c) => c.method === 'views.update' || c.method === 'views.push')
      .map((c) => JSON.stringify(c.args.view)),
  ];
  // `oppdater <nr>` and the admin's forms open a loading modal first: the answer is what replaces it.
  const answered = () =>
    h.fake.responses.some((r) => r.id === id) || modalViews().some((view) => !view.includes(LOADING));
  await h.fake.waitFor(answered, { timeoutMs: ANSWER_TIMEOUT_MS }).catch(() => undefined);
  const changes = await bot.settle();
  const replies = h.fake.responses.filter((r) => r.id === id).map((r) => JSON.stringify(r.body));
  return { strays, status: res.status, ms: res.ms, replies, modals: modalViews(), changes };
}

/**
 * `/tiltak 99999999999999999999` (or historikk/oppdater): a number with no
 * measure, which the answer must quote exactly as typed (leading zeros aside).
 */
function unknownMeasureAsked(command: Command, user: string, text: string): string | null {
  if (command !== '/tiltak' || user === PEOPLE.unregistered) return null;
  const w = words(text);
  const number =
    w.length === 1
      ? w[0]
      : w.length === 2 && /^(historikk|history|oppdater|update)$/iu.test(w[0] ?? '')
        ? w[1]
        : undefined;
  if (number === undefined || !/^[1-9]\d{0,29}$/u.test(number)) return null;
  return ['1', '2', '3'].includes(number) ? null : number;
}

/** The required answer to any text from anyone. */
function expectSafeAnswer(command: Command, user: string, text: string, answer: Answer): void {
  expectAnswered(answer.status, answer.ms, tally, [200]);
  const said = [...answer.replies, ...answer.modals].join('\n');
  expect(answer.replies.length + answer.modals.length, 'an answer, never silence').toBeGreaterThan(0);
  for (const apology of APOLOGIES)
    expect(said, 'no unhandled failure').not.toContain(JSON.stringify(apology).slice(1, -1));
  const key = subcommandKey(command, text);
  const mayWrite = key !== undefined && WRITERS[key]?.(user) === true;
  if (!mayWrite) expect(answer.changes, 'rows written by a command that does not write').toBe('');
  const asked = unknownMeasureAsked(command, user, text);
  if (asked !== null) expect(said, 'the number quoted as typed').toMatch(new RegExp(`(Tiltak|measure) ${asked}\\b`));
  expect(bot.watch.strays.slice(answer.strays), 'unhandled rejections').toEqual([]);
  bot.h.fake.assertNoViolations();
}

describe('slash command text, fuzzed', () => {
  it(
    'answers any text from anyone with a reply, writes only through the commands that write, and never fails unhandled',
    async () => {
      let n = 0;
      await checkProperty(
        'slash command text',
        fc.asyncProperty(input, async ({ command, user, text }) => {
          tally.inputs += 1;
          if (++n % 100 === 0) await stillServes(bot.h);
          const answer = await send(command, user, text);
          tally.add(answer.status);
          expectSafeAnswer(command, user, text, answer);
        }),
      );
      await stillServes(bot.h);
    },
    FUZZ_TEST_TIMEOUT_MS,
  );
});

describe('slash command text: inputs the fuzzer found', () => {
  it('quotes /tiltak 99999999999999999999 back as typed, not as 100000000000000000000', async () => {
    const text = '99999999999999999999';
    const answer = await send('/tiltak', PEOPLE.contactNb, text);
    expectSafeAnswer('/tiltak', PEOPLE.contactNb, text, answer);
    expect(answer.replies.join('\n')).toContain('Tiltak 99999999999999999999 finnes ikke');
  });

  it('quotes /tiltak oppdater 4, a well-formed number with no measure, in the modal it opens', async () => {
    const text = 'oppdater 4';
    const answer = await send('/tiltak', PEOPLE.contactNb, text);
    expectSafeAnswer('/tiltak', PEOPLE.contactNb, text, answer);
    expect(answer.modals.join('\n')).toContain('Tiltak 4 finnes ikke');
  });
});
