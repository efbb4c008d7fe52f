// What every fuzz file needs: reproducible runs, one bot for all of them
// with a watch on it, and a way to see that it still serves.
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { messages } from '../../src/kernel/i18n/index.js';
import { type Harness, type HarnessOptions, startHarness } from '../support/harness.js';
import { watchRequests } from '../support/in-flight.js';
import { captureLog, type LogLine } from '../support/log-capture.js';
import { type ProcessWatch, quiet, RowWatch, watchProcess } from './fuzz-watch.js';

/**
 * FUZZ_SEED repeats a run exactly (its value is printed on every failure);
 * without it each run draws a new seed. FUZZ_RUNS changes the count of
 * inputs per surface (1,000 by default: what the suite promises).
 */
function fuzzParameters(): { seed: number; numRuns: number } {
  const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 0x7fffffff);
  const numRuns = Number(process.env.FUZZ_RUNS ?? 1000) || 1000;
  return { seed, numRuns };
}

/** A fuzz test's vitest timeout; the property stops itself a minute earlier, to report. */
export const FUZZ_TEST_TIMEOUT_MS = 600_000;
const FUZZ_TIME_LIMIT_MS = FUZZ_TEST_TIMEOUT_MS - 60_000;

/** True while a property runs: the plain tests of known inputs are held to the 3 s mark. */
let insideProperty = false;

/** fc.assert with the seed, and a message that says how to run the failing case again. */
export async function checkProperty<T>(
  surface: string,
  property: fc.IAsyncProperty<T>,
  extra: fc.Parameters<T> = {},
): Promise<void> {
  const { seed, numRuns } = fuzzParameters();
  try {
    // Shrinking against a live bot is slow when each step waits out a timeout: cut it short, and
    // count a run cut short before its inputs were all tried as a failure, never as a pass.
    const limit = fc.interruptAfterTimeLimit(FUZZ_TIME_LIMIT_MS, { failOnInterrupt: true });
    insideProperty = true;
    await fc.assert(property, { seed, numRuns, plugins: [limit], ...extra });
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    throw new Error(`${surface}: a generated input broke the property. Run it again with FUZZ_SEED=${seed}.\n${text}`, {
      cause: error,
    });
  } finally {
    insideProperty = false;
  }
}

/** The generic apology: a reply that shows it means some input reached an error nobody handled. */
export const APOLOGIES = [messages('nb').common.somethingWentWrong, messages('en').common.somethingWentWrong];

/** How often each answer was seen, for the summary a run prints. */
export class Tally {
  readonly counts = new Map<string, number>();
  inputs = 0;
  constructor(readonly surface: string) {}
  add(key: string | number): void {
    this.counts.set(String(key), (this.counts.get(String(key)) ?? 0) + 1);
  }
  summary(): string {
    const seen = [...this.counts].sort(([a], [b]) => a.localeCompare(b)).map(([k, n]) => `${k}: ${n}`);
    return `[fuzz] ${this.surface}: ${this.inputs} inputs; ${seen.join(', ')}`;
  }
}

export interface FuzzBot {
  h: Harness;
  rows: RowWatch;
  watch: ProcessWatch;
  /** Every line the bot logged, when started with `logAtDebug`. */
  log: LogLine[];
  /** The database as the bot started with it: the fixture plan and the admin. */
  reset(): Promise<void>;
  /** Waits out what the last input started, then says which tables' row counts changed ('' for none). */
  settle(): Promise<string>;
}

/**
 * One bot for the whole file: the PGlite database, the fixture plan and an
 * admin (the fixture has every other role), and a watch on the process.
 */
export function useFuzzBot(options: HarnessOptions & { logAtDebug?: boolean } = {}): FuzzBot {
  const { logAtDebug, ...harness } = options;
  const captured = logAtDebug ? captureLog('debug') : null;
  const bot = { watch: { strays: [], stop: () => undefined } as ProcessWatch, log: captured?.lines ?? [] } as FuzzBot;
  bot.rows = new RowWatch(() => bot.h.db);
  let requests: ReturnType<typeof watchRequests> | null = null;
  bot.settle = async () => {
    // What an input started may still be running after its ack (a save's confirmation DM records the
    // message it quotes): wait for Bolt's listeners and the background work to end, whatever the load.
    await requests?.settled();
    await bot.h.running.background.idle();
    await quiet(bot.h);
    return bot.rows.changes();
  };
  bot.reset = async () => {
    await bot.h.reset();
    await bot.h.db.prisma.person.create({ data: { slackId: ADMIN, name: 'Ada Admin', role: 'ADMIN' } });
    await bot.rows.reset();
  };
  beforeAll(async () => {
    bot.h = await startHarness({
      ...harness,
      ...(captured ? { logger: captured.logger, env: { ...harness.env, LOG_LEVEL: 'debug' } } : {}),
    });
    await bot.h.db.prisma.person.create({ data: { slackId: ADMIN, name: 'Ada Admin', role: 'ADMIN' } });
    bot.watch = watchProcess();
    await bot.rows.reset();
  });
  // The spy on the app is restored after each test, so each test sets it again.
  beforeEach(() => {
    requests = watchRequests(bot.h.running.tiltak.app);
  });
  afterAll(async () => {
    bot.watch.stop();
    await bot.h?.stop();
  });
  return bot;
}

/** The fixture plan's people (tests/fixtures/small-plan.yaml), one of each role, and the admin added above. */
const ADMIN = 'U0ADMIN01';
export const PEOPLE = {
  contactNb: 'U0KARI01',
  contactEn: 'U0OLA001',
  teamLead: 'U0LEADJD',
  coordinator: 'U0KOORD1',
  admin: ADMIN,
  unregistered: 'U0NOBODY1',
} as const;

/** `/tiltak hjelp` from a registered user still gets its help text: the bot is alive and serving. */
export async function stillServes(h: Harness): Promise<void> {
  const before = h.fake.responses.length;
  const res = await h.fake.sendCommand(
    h.appUrl,
    { command: '/tiltak', user_id: PEOPLE.contactNb, text: 'hjelp' },
    { timeoutMs: ANSWER_TIMEOUT_MS },
  );
  if (res.status !== 200) throw new Error(`/tiltak hjelp answered ${res.status} after the fuzz inputs`);
  const url = res.sent.response_url ?? '';
  const reply = await h.fake.waitFor(
    () => h.fake.responses.slice(before).find((r) => url.endsWith(`/response/${r.id}`)),
    { timeoutMs: ANSWER_TIMEOUT_MS },
  );
  if (!JSON.stringify(reply.body).includes('/tiltak hjelp')) throw new Error('/tiltak hjelp did not get the help text');
}

/**
 * How long a fuzz input waits for its answer. Generous on purpose: the suite
 * runs beside other jobs on 2 cores, where a slow answer is not a failure; a
 * 5xx, a crash or no answer at all is.
 */
export const ANSWER_TIMEOUT_MS = 30_000;

/**
 * Bolt answers 404 to a request no listener acked within 3 s. On a busy
 * machine a listener that does ack can still miss that mark, so a 404 that
 * came after it counts as slow (tallied) inside a property, while one that
 * came sooner, a 5xx or no answer fails. The inputs known to go unacked are
 * plain tests, where every 404 fails.
 */
export function expectAnswered(status: number, ms: number, tally: Tally, allowed: number[] = [200, 400]): void {
  if (insideProperty && status === 404 && ms >= 2900) {
    tally.add('404 after 3 s (slow machine)');
    return;
  }
  if (!allowed.includes(status))
    throw new Error(`status ${status} after ${Math.round(ms)} ms: an ack or a 400, never a 5xx or no answer`);
}
