// The simulated quarter (1 March – 31 May 2004) shared by the in-process runs
// and the three-process PostgreSQL run: the plan's whole future is written up
// front with the instants things happen, and the loader only sees rows made
// by the instant it is asked about.

import { dueSettingsFrom } from '../../src/features/plan/due-dates.js';
import { registerAbsence } from '../../src/features/reminders/absences.js';
import { nextReminderInstant, snoozeUntil } from '../../src/features/reminders/ladder.js';
import { snoozePair, waivePeriod } from '../../src/features/reminders/reminder-responses.js';
import { openRound } from '../../src/features/reminders/rounds.js';
import type { PrismaClient } from '../../src/generated/prisma/client.js';
import { atLocalTime } from '../../src/kernel/calendar/calendar.js';
import type { Config } from '../../src/kernel/config.js';
import { findPerson } from '../../src/kernel/people/people.js';
import { slackUserIdSchema } from '../../src/kernel/slack/slack-user-id.js';
import { addReports } from './reminders-support.js';

export const QUARTER_PLAN = new URL('../fixtures/reminders-quarter.yaml', import.meta.url).pathname;
export const QUARTER_FROM = new Date('2004-03-01T00:00:00+01:00');
export const QUARTER_TO = new Date('2004-06-01T00:00:00+02:00');
/** The one event off the reminder grid: a round's opening DMs the contacts at once. */
const ROUND_OPENS = new Date('2004-04-20T13:17:00+02:00');

const oslo = (local: string) => {
  const [day, time] = local.split(' ') as [string, string];
  return atLocalTime(day, time, 'Europe/Oslo');
};

/** Writes the quarter's story, in time order, through the same services the Slack handlers use. */
export async function seedQuarter(prisma: PrismaClient, config: Config): Promise<void> {
  const settings = dueSettingsFrom(config);
  const person = async (slackId: string) => {
    const found = await findPerson({ prisma }, slackUserIdSchema.parse(slackId));
    if (found === null) throw new Error(`${slackId} is not in the quarter plan`);
    return found;
  };
  await addReports(prisma, [
    ...[
      ['1', 'JD'],
      ['2', 'JD'],
      ['2', 'BFD'],
      ['2', 'UDI'],
      ['3', 'BFD'],
    ].map(([m, a]) => ({ measure: Number(m), agency: a as string, at: oslo('2004-02-27 10:00') })),
    { measure: 1, agency: 'JD', at: oslo('2004-03-16 14:00') },
    { measure: 3, agency: 'BFD', at: oslo('2004-03-24 15:00') },
    { measure: 1, agency: 'JD', at: oslo('2004-03-29 15:00') },
    { measure: 2, agency: 'JD', at: oslo('2004-03-31 09:30') },
    { measure: 3, agency: 'BFD', at: oslo('2004-04-13 16:00') },
    { measure: 2, agency: 'BFD', at: oslo('2004-04-22 10:00'), status: 'COMPLETED' },
    { measure: 1, agency: 'JD', at: oslo('2004-04-27 11:00') },
    { measure: 2, agency: 'JD', at: oslo('2004-05-04 10:00') },
    { measure: 3, agency: 'BFD', at: oslo('2004-05-10 10:00') },
    { measure: 1, agency: 'JD', at: oslo('2004-05-12 10:00') },
  ]);
  const per = await person('U0PER001');
  const snoozedAt = oslo('2004-03-25 10:00');
  await snoozePair(prisma, {
    slackId: per.slackId,
    measureId: 2,
    agencyId: 1,
    at: snoozedAt,
    until: snoozeUntil(snoozedAt, settings),
  });
  const ola = await person('U0OLA001');
  const waived = await waivePeriod(prisma, settings, {
    person: ola,
    measureId: 2,
    agencyId: 2,
    period: 'd2004-03-29',
    reason: 'Ingen aktivitet i mars.',
    at: oslo('2004-03-31 11:00'),
  });
  if (!waived.ok) throw new Error(`the scenario's waiver was refused: ${waived.reason}`);
  const kari = await person('U0KARI01');
  await registerAbsence(prisma, {
    personId: kari.id,
    actor: kari.slackId,
    fromDay: '2004-04-05',
    toDay: '2004-04-16',
    substituteSlackId: per.slackId,
    today: '2004-04-01',
    at: oslo('2004-04-01 12:00'),
  });
  const area = await prisma.focusArea.findUniqueOrThrow({ where: { number: 1 } });
  const round = await openRound(prisma, {
    deadlineDay: '2004-04-30',
    scope: { area },
    actor: slackUserIdSchema.parse('U0KOORD1'),
    at: ROUND_OPENS,
    timeZone: config.TZ_PLAN,
  });
  if (!round.ok) throw new Error(`the scenario's round was refused: ${round.reason}`);
  await registerAbsence(prisma, {
    personId: ola.id,
    actor: ola.slackId,
    fromDay: '2004-05-03',
    toDay: '2004-05-07',
    substituteSlackId: null,
    today: '2004-04-30',
    at: oslo('2004-04-30 16:00'),
  });
}

/**
 * The instants a scheduler must tick at for nothing to be missed: every
 * reminder time, the round's opening, and whenever a recorded row waits for
 * a retry or a lease (due-skip.test.ts proves nothing else can fall due).
 * `tick` runs the job(s); `nextAttempt` reads the ledger.
 */
export async function driveQuarter(
  config: Config,
  tick: (at: Date) => Promise<void>,
  nextAttempt: () => Promise<Date | null>,
  options: { down?: { from: Date; to: Date } } = {},
): Promise<number> {
  const settings = dueSettingsFrom(config);
  const isDown = (t: Date) => options.down !== undefined && t >= options.down.from && t < options.down.to;
  let ticks = 0;
  let at = QUARTER_FROM;
  await tick(at);
  ticks++;
  for (;;) {
    const candidates = [nextReminderInstant(at, settings)];
    if (ROUND_OPENS > at) candidates.push(ROUND_OPENS);
    const retry = await nextAttempt();
    // Ticks are a minute apart at the least, as node-cron gives them.
    if (retry !== null) candidates.push(new Date(Math.max(retry.getTime(), at.getTime() + 60_000)));
    if (options.down !== undefined && options.down.to > at) candidates.push(options.down.to);
    let next = new Date(Math.min(...candidates.map((c) => c.getTime())));
    if (isDown(next)) next = options.down?.to ?? next;
    if (next >= QUARTER_TO) return ticks;
    at = next;
    await tick(at);
    ticks++;
  }
}

/** The sent rows as "local day HH:MM key", the way EXPECTED_QUARTER is written. */
export async function sentAsWritten(prisma: PrismaClient): Promise<string[]> {
  const rows = await prisma.reminderLedger.findMany({
    where: { state: 'SENT' },
    orderBy: [{ sentAt: 'asc' }, { key: 'asc' }],
  });
  const fmt = new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Oslo',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
  return rows.map((r) => `${fmt.format(r.sentAt as Date)} ${r.key}`);
}
