import { type LocalDay, workingDaysBetween } from '../../kernel/calendar/calendar.js';
import { dayIn, localInstant, workingDayAfter } from '../../kernel/calendar/remembered.js';

/** A reporting round as the due function needs it. */
export interface RoundFacts {
  id: number;
  focusAreaId: number | null;
  openedAt: Date;
  /** The last day to report on (local). */
  deadlineDay: LocalDay;
  /** Set only when a coordinator closed the round by hand. */
  closedAt: Date | null;
}

/** One responsible agency on one measure: a "pair". */
export interface PairFacts {
  measureId: number;
  agencyId: number;
  focusAreaId: number | null;
  /** The measure's own cadence; null means the plan's default. */
  cadenceDays: number | null;
  /** The newest update series' first version: an edit does not count as a new report. */
  lastUpdateAt: Date | null;
  /** The newest "ikke aktuelt denne perioden": it counts as reported for the period. */
  lastWaivedAt: Date | null;
  /** The pair's latest status is COMPLETED or CANCELLED: nothing more to report. */
  settled: boolean;
}

export interface PlanFacts {
  startDay: LocalDay;
  endDay: LocalDay;
  defaultCadenceDays: number;
}

export interface DueState {
  dueDay: LocalDay;
  /** Names what is due: 'd<due day>' on the cadence, 'r<round id>' in a round. A report starts a new one. */
  period: string;
  /** When the period began; a step whose time lies before it is never sent. */
  periodStart: Date;
  roundId: number | null;
  /** No report is expected: the pair is completed or cancelled, or its next due day lies past the plan's end. */
  closed: boolean;
}

/** The newest round that covers the pair and had opened by `at`; rounds must come newest first. */
export function roundFor(
  pair: Pick<PairFacts, 'focusAreaId'>,
  roundsNewestFirst: readonly RoundFacts[],
  at: Date,
): RoundFacts | null {
  for (const round of roundsNewestFirst) {
    if (round.openedAt > at) continue;
    if (round.focusAreaId === null || round.focusAreaId === pair.focusAreaId) return round;
  }
  return null;
}

function closedByCoordinator(round: RoundFacts, at: Date): boolean {
  return round.closedAt !== null && round.closedAt <= at;
}

/** Open: not closed by hand, and its deadline day has not ended. */
export function isRoundOpen(round: RoundFacts, at: Date, timeZone: string): boolean {
  return !closedByCoordinator(round, at) && round.openedAt <= at && dayIn(at, timeZone) <= round.deadlineDay;
}

/**
 * The pair's next due day at instant `at`. A round that covers the pair sets
 * its deadline as the due day until the pair reports, even after the deadline
 * has passed (the pair is then overdue), unless a coordinator closed it by
 * hand. Otherwise the due day is the latest of the last report, the plan's
 * start and the round's opening, plus the cadence, moved to a working day.
 */
export function dueState(
  pair: PairFacts,
  round: RoundFacts | null,
  plan: PlanFacts,
  timeZone: string,
  at: Date,
): DueState {
  const last = lastReportedAt(pair);
  const reported = last !== null && last <= at ? last : null;
  if (
    round !== null &&
    round.openedAt <= at &&
    !closedByCoordinator(round, at) &&
    (reported === null || reported < round.openedAt)
  ) {
    return {
      dueDay: round.deadlineDay,
      period: `r${round.id}`,
      periodStart: round.openedAt,
      roundId: round.id,
      closed: pair.settled,
    };
  }
  let start = localInstant(plan.startDay, '00:00', timeZone);
  if (round !== null && round.openedAt <= at && round.openedAt > start) start = round.openedAt;
  if (reported !== null && reported > start) start = reported;
  const cadence = pair.cadenceDays ?? plan.defaultCadenceDays;
  const dueDay = workingDayAfter(dayIn(start, timeZone), cadence);
  return {
    dueDay,
    period: `d${dueDay}`,
    periodStart: start,
    roundId: null,
    closed: pair.settled || dueDay > plan.endDay,
  };
}

/** A new update and an "ikke aktuelt" both count as the pair having reported. */
export function lastReportedAt(pair: Pick<PairFacts, 'lastUpdateAt' | 'lastWaivedAt'>): Date | null {
  const { lastUpdateAt: u, lastWaivedAt: w } = pair;
  if (u === null) return w;
  return w !== null && w > u ? w : u;
}

/** Working days past the due day on `today`: 0 until the due day is over. */
export function overdueWorkingDays(dueDay: LocalDay, today: LocalDay): number {
  return today > dueDay ? workingDaysBetween(dueDay, today) : 0;
}
