import type { LocalDay } from '../../../kernel/calendar/calendar.js';
import { dayIn, weekOf } from '../../../kernel/calendar/remembered.js';
import type { LadderSettings, PairRow } from '../../plan/index.js';
import { type DueState, isRoundOpen, lastReportedAt, overdueWorkingDays } from '../../plan/index.js';
import { basePeriod } from '../contract.js';
import { type PairStep, STEP, summaryDay } from '../ladder.js';
import type { StandIn } from '../ladder-routing.js';
import { activeSnooze, type OverduePair, overduePairs, pairDue } from './reminders-plan.js';
import type { ReminderState } from './reminders-state.js';

/** What a recorded message should say now, rendered by the views in the recipient's language. */
export type ReminderContent =
  | {
      kind: 'pair';
      step: PairStep;
      repeat: boolean;
      pair: PairRow;
      due: DueState;
      overdueDays: number;
      lastReportedDay: LocalDay | null;
      contacts: string[];
      standingInFor: StandIn[];
    }
  | { kind: 'round'; roundId: number; deadlineDay: LocalDay; pairs: PairRow[]; standingInFor: StandIn[] }
  | { kind: 'summary'; week: string; rows: OverduePair[] }
  | { kind: 'failure'; failedRecipient: string; code: string; pair: PairRow | null };

export type Verdict = { send: ReminderContent } | { skip: string };

export interface RecordedMessage {
  step: number;
  period: string;
  measureId: number;
  agencyId: number;
  recipient: string;
  createdAt: Date;
}

const pairIndexes = new WeakMap<ReminderState, Map<string, PairRow>>();
function findPair(state: ReminderState, measureId: number, agencyId: number): PairRow | undefined {
  let index = pairIndexes.get(state);
  if (index === undefined) {
    index = new Map(state.pairs.map((p) => [`${p.measureId}:${p.agencyId}`, p]));
    pairIndexes.set(state, index);
  }
  return index.get(`${measureId}:${agencyId}`);
}

/**
 * Decides, just before sending, whether a recorded message still applies at
 * `at` and what it should say. A message whose pair has reported since, whose
 * round has closed or whose week has passed is skipped, never sent late.
 */
export function describeRecorded(row: RecordedMessage, state: ReminderState, s: LadderSettings, at: Date): Verdict {
  const today = dayIn(at, s.timeZone);
  const dir = state.directory;
  switch (row.step) {
    case STEP.dueSoon:
    case STEP.overdue:
    case STEP.teamLead: {
      const pair = findPair(state, row.measureId, row.agencyId);
      const due = pair === undefined ? null : pairDue(state, pair, s, at);
      if (pair === undefined || due === null) return { skip: 'no_longer_expected' };
      if (basePeriod(row.period) !== due.period) return { skip: 'reported' };
      const snooze = activeSnooze(
        state.snoozes.filter((z) => z.measureId === pair.measureId && z.agencyId === pair.agencyId),
        due,
        at,
      )(row.recipient);
      if (snooze !== undefined && snooze.createdAt > row.createdAt) return { skip: 'snoozed' };
      const intended =
        row.step === STEP.teamLead ? dir.teamLeadOrCoordinators(pair.agencyId) : dir.contactsOrFallback(pair.agencyId);
      const routed = dir.route(intended).find((r) => r.recipient === row.recipient);
      return {
        send: {
          kind: 'pair',
          step: row.step,
          repeat: row.period !== due.period,
          pair,
          due,
          overdueDays: overdueWorkingDays(due.dueDay, today),
          lastReportedDay: reportedDay(pair, s.timeZone),
          contacts: dir.contacts(pair.agencyId),
          standingInFor: routed?.standingInFor ?? [],
        },
      };
    }
    case STEP.roundOpened: {
      const round = state.roundsNewestFirst.find((r) => `r${r.id}` === row.period);
      if (round === undefined || !isRoundOpen(round, at, s.timeZone)) return { skip: 'round_closed' };
      const member = roundMembers(state, s, at, round.id).get(row.recipient);
      const pairs = member?.pairs ?? [];
      const standingInFor = member?.standingInFor ?? [];
      if (pairs.length === 0) return { skip: 'round_reported' };
      return { send: { kind: 'round', roundId: round.id, deadlineDay: round.deadlineDay, pairs, standingInFor } };
    }
    case STEP.coordinators: {
      const week = row.period.slice(1);
      const day = summaryDay(week, s);
      if (week !== weekOf(today) || day === null) return { skip: 'week_passed' };
      const rows = summaryRows(state, s, at, day);
      return rows.length === 0 ? { skip: 'nothing_overdue' } : { send: { kind: 'summary', week, rows } };
    }
    case STEP.failure: {
      const match = /^f:([^:]+):(.+)$/.exec(row.period);
      if (match === null) return { skip: 'malformed' };
      return {
        send: {
          kind: 'failure',
          failedRecipient: match[1] as string,
          code: match[2] as string,
          pair: findPair(state, row.measureId, row.agencyId) ?? null,
        },
      };
    }
    default:
      return { skip: 'unknown_step' };
  }
}

type Members = Map<string, { pairs: PairRow[]; standingInFor: StandIn[] }>;
const membersCache = new WeakMap<ReminderState, Map<string, Members>>();

/**
 * Who a round's notice goes to and which of their pairs it lists, worked out
 * once per loaded state: a round over a large plan has many notices in one batch.
 */
function roundMembers(state: ReminderState, s: LadderSettings, at: Date, roundId: number): Members {
  const cacheKey = `${roundId} ${at.getTime()}`;
  const cached = membersCache.get(state)?.get(cacheKey);
  if (cached !== undefined) return cached;
  const members: Members = new Map();
  for (const pair of state.pairs) {
    if (pairDue(state, pair, s, at)?.roundId !== roundId) continue;
    for (const routed of state.directory.route(state.directory.contactsOrFallback(pair.agencyId))) {
      const member = members.get(routed.recipient) ?? { pairs: [], standingInFor: [] };
      member.pairs.push(pair);
      for (const x of routed.standingInFor)
        if (!member.standingInFor.some((y) => y.absent === x.absent)) member.standingInFor.push(x);
      members.set(routed.recipient, member);
    }
  }
  const perState = membersCache.get(state) ?? new Map<string, Members>();
  perState.set(cacheKey, members);
  membersCache.set(state, perState);
  return members;
}

const summaryCache = new WeakMap<ReminderState, Map<string, OverduePair[]>>();

/** The summary's rows, worked out once per loaded state for all the coordinators. */
function summaryRows(state: ReminderState, s: LadderSettings, at: Date, day: LocalDay): OverduePair[] {
  const key = `${day} ${at.getTime()}`;
  const perState = summaryCache.get(state) ?? new Map<string, OverduePair[]>();
  summaryCache.set(state, perState);
  let rows = perState.get(key);
  if (rows === undefined) {
    rows = overduePairs(state, s, at, day);
    perState.set(key, rows);
  }
  return rows;
}

function reportedDay(pair: PairRow, timeZone: string): LocalDay | null {
  const last = lastReportedAt(pair);
  return last === null ? null : dayIn(last, timeZone);
}
