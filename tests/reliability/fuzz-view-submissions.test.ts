import fc from 'fast-check';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { decodeReminderButton, encodeReminderButton } from '../../src/features/reminders/contract.js';
import { decodeMetadata, encodeMetadata } from '../../src/features/updates/contract.js';
import { isRecord, type Json } from '../rig/block-kit-checker.js';
import { BLANK_CHARS } from './fuzz-arbitraries.js';
import { ids } from './fuzz-ids.js';
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
import { option, plain, type Submission, submission, updateState } from './fuzz-view-inputs.js';

const bot = useFuzzBot();
const tally = new Tally('view_submission state and private_metadata');
afterAll(() => console.info(tally.summary()));

const b = ids.blocks.updates;
const input = ids.actions.updates.input;
/** Slack shows `errors` only on an input block of the open modal; any other key fails the whole response. */
const INPUT_BLOCKS: Record<string, string[]> = {
  [ids.views.updateModal]: [
    b.measure,
    b.agency,
    b.status,
    b.progress,
    b.done,
    b.challenges,
    b.nextSteps,
    b.spend,
    b.periodDate,
  ],
  [ids.views.reminderWaiver]: [ids.blocks.reminders.reason],
};
const REGISTERED: string[] = Object.values(PEOPLE).filter((p) => p !== PEOPLE.unregistered);

function payload(s: Submission): Json {
  return {
    type: 'view_submission',
    user: s.user,
    view: {
      id: 'V0FUZZ01',
      type: 'modal',
      callback_id: s.callback,
      private_metadata: s.meta,
      hash: '1.abc',
      blocks: [],
      state: { values: s.state },
    },
    response_urls: [],
  };
}

interface Answer {
  strays: number;
  status: number;
  ms: number;
  ack: Json;
  changes: string;
}

async function send(s: Submission): Promise<Answer> {
  const { h } = bot;
  const strays = bot.watch.strays.length;
  let status = 0;
  let ack: Json = {};
  const started = performance.now();
  try {
    const res = await h.fake.sendInteraction(h.appUrl, payload(s), { timeoutMs: ANSWER_TIMEOUT_MS });
    status = res.status;
    ack = isRecord(res.json) ? res.json : {};
  } catch {
    status = 0;
  }
  const ms = performance.now() - started;
  return { strays, status, ms, ack, changes: await bot.settle() };
}

const userId = (s: Submission): unknown => (isRecord(s.user) ? s.user.id : undefined);
/** The text of one field as typed, when it was a string. */
function typed(state: unknown, block: string, action: string): string | undefined {
  const el = isRecord(state) && isRecord(state[block]) ? (state[block] as Json)[action] : undefined;
  return isRecord(el) && typeof el.value === 'string' ? el.value : undefined;
}
const blankOnly = (value: string | undefined) =>
  value === undefined || [...value].every((c) => BLANK_CHARS.includes(c));

/** Text as the issue asks it stored: NFC, no C0 controls but tab and newline, no bidi overrides, trimmed. */
function expectClean(field: string, value: string | null): void {
  if (value === null) return;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the property is that none is left
  expect(value, `${field}: C0 controls`).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/u);
  expect(value, `${field}: bidi overrides`).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/u);
  expect(value, `${field}: NFC`).toBe(value.normalize('NFC'));
  expect(value, `${field}: trimmed`).toBe(value.trim());
}

async function expectSafeAnswer(s: Submission, a: Answer): Promise<void> {
  expectAnswered(a.status, a.ms, tally);
  for (const apology of APOLOGIES)
    expect(JSON.stringify(a.ack), 'no unhandled failure').not.toContain(JSON.stringify(apology).slice(1, -1));
  if (a.ack.response_action === 'errors' && isRecord(a.ack.errors) && INPUT_BLOCKS[s.callback] !== undefined) {
    expect(INPUT_BLOCKS[s.callback], "errors only on the modal's inputs").toEqual(
      expect.arrayContaining(Object.keys(a.ack.errors)),
    );
  }
  const user = userId(s);
  const registered = typeof user === 'string' && REGISTERED.includes(user);
  const written = a.changes !== '';
  if (s.callback === ids.views.updateModal) {
    const accepted = a.ack.response_action === 'clear';
    expect(written, `rows ${a.changes || 'unchanged'} while the ack was ${JSON.stringify(a.ack).slice(0, 200)}`).toBe(
      accepted,
    );
    if (written) {
      expect(registered && decodeMetadata(s.meta) !== null, 'written for a known user and a form the bot issued').toBe(
        true,
      );
      expect(blankOnly(typed(s.state, b.done, input)), 'a "done" with nothing visible in it is refused').toBe(false);
      expect(a.changes).toMatch(/Update \+1/u);
      const row = await bot.h.db.prisma.update.findFirstOrThrow({ orderBy: { id: 'desc' } });
      for (const field of ['done', 'challenges', 'nextSteps'] as const) expectClean(field, row[field]);
    }
  } else if (s.callback !== ids.views.reminderWaiver) {
    // The admin's forms, redaction and the plan import write only for an administrator or a coordinator.
    const privileged = user === PEOPLE.admin || user === PEOPLE.coordinator;
    if (!privileged) expect(a.changes, `rows written by ${String(user)} through ${s.callback}`).toBe('');
  } else {
    // A saved waiver closes the modal with an empty ack; an empty ack may also be a guard ignoring a forged payload.
    const accepted = a.status === 200 && a.ack.response_action === undefined;
    if (written)
      expect(accepted, `rows ${a.changes} while the ack was ${JSON.stringify(a.ack).slice(0, 200)}`).toBe(true);
    if (written) {
      expect(
        registered && decodeReminderButton(s.meta) !== null,
        'written for a known user and a pair the bot issued',
      ).toBe(true);
      expect(
        blankOnly(typed(s.state, ids.blocks.reminders.reason, ids.actions.reminders.reason)),
        'a reason with nothing visible in it is refused',
      ).toBe(false);
      const row = await bot.h.db.prisma.periodWaiver.findFirstOrThrow({ orderBy: { id: 'desc' } });
      expectClean('reason', row.reason);
    }
  }
  expect(bot.watch.strays.slice(a.strays), 'unhandled rejections').toEqual([]);
  bot.h.fake.assertNoViolations();
}

describe('view_submission state and private_metadata, fuzzed', () => {
  it(
    'stores a submission only when it closes the modal, refuses the rest with field errors, and never fails unhandled',
    async () => {
      await bot.rows.reset();
      let n = 0;
      await checkProperty(
        'view submissions',
        fc.asyncProperty(submission, async (s) => {
          tally.inputs += 1;
          if (++n % 100 === 0) await stillServes(bot.h);
          const answer = await send(s);
          const kind =
            s.callback === ids.views.updateModal
              ? 'update'
              : s.callback === ids.views.reminderWaiver
                ? 'waiver'
                : 'other';
          tally.add(
            `${kind} ${answer.status} ${String(answer.ack.response_action ?? 'ack')}${answer.changes === '' ? '' : ' (stored)'}`,
          );
          await expectSafeAnswer(s, answer);
        }),
      );
      await stillServes(bot.h);
    },
    FUZZ_TEST_TIMEOUT_MS,
  );
});

describe('view_submission: inputs the fuzzer found', () => {
  // Each case starts from the fixture: the fuzz run before may have waived the period a case needs.
  beforeEach(() => bot.reset());
  const kari = { id: PEOPLE.contactNb, username: 'kari', team_id: 'T0TEST' };
  const updateMetaFor = (m: number, a: number) =>
    encodeMetadata({ s: crypto.randomUUID(), b: 0, m, a, src: 'command' });
  const GOOD = {
    status: 'ON_TRACK',
    progress: '40',
    done: 'Kartla behovet i kommunene',
    challenges: '',
    nextSteps: 'Sende på høring',
    spend: '12 500',
    periodDate: '2004-02-27',
  };
  const form = (changes: Partial<typeof GOOD>): Json => {
    const v = { ...GOOD, ...changes };
    return updateState({
      status: option(v.status),
      progress: { type: 'number_input', value: v.progress },
      done: plain(v.done),
      challenges: plain(v.challenges),
      nextSteps: plain(v.nextSteps),
      spend: plain(v.spend),
      periodDate: { type: 'datepicker', selected_date: v.periodDate },
      measure: undefined,
      agency: undefined,
    });
  };
  const update = (user: unknown, changes: Partial<typeof GOOD>): Submission => ({
    callback: ids.views.updateModal,
    user,
    meta: updateMetaFor(1, 1),
    state: form(changes),
  });
  /** Measure 2 for the Justice ministry: a pair whose period (due 2004-02-02) can be waived on the bot's day. */
  const waiver = (state: Json | null): Submission => ({
    callback: ids.views.reminderWaiver,
    user: { id: PEOPLE.admin, team_id: 'T0TEST' },
    meta: encodeReminderButton({ measureId: 2, agencyId: 1, measureNumber: 2, period: 'd2004-02-02' }),
    state,
  });
  const reason = (value: string): Json => ({
    [ids.blocks.reminders.reason]: { [ids.actions.reminders.reason]: plain(value) },
  });
  /** The property's checks on one input, and whether it must have been stored. */
  const check = async (s: Submission, stored?: boolean) => {
    const answer = await send(s);
    await expectSafeAnswer(s, answer);
    if (stored !== undefined)
      expect(answer.changes !== '', `stored (rows: ${answer.changes || 'unchanged'})`).toBe(stored);
  };

  it('answers an update submission without a user with a 400 or a refusal, never a 500', () =>
    check(update(undefined, {})));

  it("refuses an update submission from an empty user object instead of storing it as the coordinator's", () =>
    check(update({}, {}), false));

  it('refuses an update submission whose user id holds a NUL, instead of failing on the lookup', () =>
    check(update({ id: 'U0KARI01\u0000', team_id: 'T0TEST' }, {}), false));

  it('stores an update whose text holds a NUL without the NUL, instead of losing it', () =>
    check(update(kari, { done: 'Kartla\u0000 behovet' }), true));

  it('stores an update whose text holds a lone surrogate, instead of losing it', () =>
    check(update(kari, { done: 'ok \udfff ok' })));

  it('refuses a "done" of spaces and a zero-width space as empty', () =>
    check(update(kari, { done: ' \u200b ' }), false));

  it('stores "challenges" without the control character it was typed with', () =>
    check(update(kari, { challenges: '\u0001' }), true));

  it('stores "next steps" in NFC, a compatibility ideograph as its canonical one', () =>
    check(update(kari, { nextSteps: '*😷\uf9a8' }), true));

  it('answers a waiver whose state.values is null with a field error, not "something went wrong"', () =>
    check(waiver(null), false));

  it('refuses a waiver reason of invisible characters only', () =>
    check(waiver(reason('\u200b\u200c\u2060 \u001f\n')), false));

  it('stores a waiver reason without its control characters', () => check(waiver(reason('\u0010v')), true));

  it('stores a waiver reason that holds NULs, instead of failing on it', () =>
    check(waiver(reason('x\u0000'.repeat(100))), true));
});
