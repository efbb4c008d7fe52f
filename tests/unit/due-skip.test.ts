import { describe, expect, it } from 'vitest';
import { type Delivery, evaluate, tripleOf, unrecorded } from '../../src/features/reminders/jobs/reminders-plan.js';
import { remindedKey } from '../../src/features/reminders/jobs/reminders-state.js';
import { isReminderInstant, nextReminderInstant } from '../../src/features/reminders/ladder.js';
import { oslo, pair, SETTINGS, state } from './due-support.js';

/**
 * The simulations tick only at reminder times, round openings and retries.
 * This proves that is safe: driven minute by minute over three weeks that
 * hold the spring DST change and Easter 2004, the planner never finds
 * anything new at any other minute, and ticking only at those instants
 * yields exactly the same messages.
 */
const ROUND_OPENED = oslo('2004-04-01 13:17');
const world = state({
  pairs: [
    pair({ lastUpdateAt: oslo('2004-03-10 10:00') }),
    pair({ measureId: 2, number: 2, cadenceDays: 30, lastUpdateAt: oslo('2004-02-20 16:40') }),
    pair({
      measureId: 2,
      number: 2,
      agencyId: 2,
      agencyCode: 'BFD',
      role: 'PARTNER',
      lastUpdateAt: oslo('2004-03-19 23:50'),
    }),
    pair({
      measureId: 3,
      number: 3,
      agencyId: 3,
      agencyCode: 'UDI',
      focusAreaId: 2,
      lastWaivedAt: oslo('2004-03-08 07:00'),
    }),
  ],
  rounds: [{ id: 1, focusAreaId: 2, openedAt: ROUND_OPENED, deadlineDay: '2004-04-07', closedAt: null }],
  absences: [{ slackId: 'U0PER001', toDay: '2004-04-30', substituteSlackId: null }],
  snoozes: [
    {
      id: 9,
      measureId: 1,
      agencyId: 1,
      slackId: 'U0KARI01',
      createdAt: oslo('2004-03-22 09:30'),
      until: oslo('2004-03-23 09:00'),
    },
  ],
  reminded: [[remindedKey(1, 1, 'U0KARI01', 'd2004-03-24'), oslo('2004-03-22 09:00')]],
});
const FROM = oslo('2004-03-19 00:00');
const TO = oslo('2004-04-09 00:00');

function drive(instants: Iterable<Date>): Map<string, Date> {
  const recorded = new Set<string>();
  const firstSeen = new Map<string, Date>();
  for (const at of instants) {
    const fresh: Delivery[] = unrecorded(evaluate(world, SETTINGS, at), recorded);
    for (const d of fresh) {
      recorded.add(tripleOf(d));
      if (!firstSeen.has(d.key)) firstSeen.set(d.key, at);
    }
  }
  return firstSeen;
}

function* everyMinute(): Generator<Date> {
  for (let t = FROM.getTime(); t < TO.getTime(); t += 60_000) yield new Date(t);
}

function* wakeInstants(): Generator<Date> {
  // The first tick catches up on whatever fell due before the window, as a start after downtime does.
  yield FROM;
  let at = FROM;
  for (;;) {
    const next = nextReminderInstant(at, SETTINGS);
    // A round's opening is the one event off the reminder grid; it is a tick of its own.
    if (ROUND_OPENED > at && ROUND_OPENED < next) yield ROUND_OPENED;
    if (next >= TO) return;
    yield next;
    at = next;
  }
}

describe('ticking only when something can fall due', () => {
  const minuteByMinute = drive(everyMinute());

  it('finds nothing new at any minute that is neither a reminder time nor a round opening', () => {
    expect(minuteByMinute.size).toBeGreaterThan(10);
    for (const [key, at] of minuteByMinute) {
      if (at.getTime() === FROM.getTime()) continue;
      expect(
        isReminderInstant(at, SETTINGS) || at.getTime() === ROUND_OPENED.getTime(),
        `${key} at ${at.toISOString()}`,
      ).toBe(true);
    }
  });

  it('sends exactly the same messages when it ticks only at those instants', () => {
    expect(drive(wakeInstants())).toEqual(minuteByMinute);
  });
});
