import type { LocalDay } from '../../../kernel/calendar/calendar.js';
import { dayIn, weekOf } from '../../../kernel/calendar/remembered.js';
import { drain } from '../../../kernel/jobs/slices.js';
import type { LadderSettings, PairRow } from '../../plan/index.js';
import { type DueState, dueState, isRoundOpen, overdueWorkingDays, roundFor } from '../../plan/index.js';
import { basePeriod, repeatPeriod } from '../contract.js';
import { type PairStep, reminderInstant, STEP, type Step, stepInstant, summaryDay } from '../ladder.js';
import { type ReminderState, remindedKey, type SnoozeFacts } from './reminders-state.js';

/** One message the ladder calls for. measureId and agencyId are 0 for a message about many pairs. */
export interface Delivery {
  key: string;
  step: Step;
  period: string;
  measureId: number;
  agencyId: number;
  recipient: string;
  /** Not to be sent before this instant: a snooze holds new steps until it ends. */
  notBefore: Date;
}

type Triple = Pick<Delivery, 'step' | 'period' | 'measureId' | 'agencyId'>;

/** (pair, step, period): a step of a period is recorded once, for all its recipients together. */
export const tripleOf = (d: Triple): string => `${d.step}|${d.period}|${d.measureId}|${d.agencyId}`;

export const ledgerKey = (d: Triple & { recipient: string }): string =>
  `s${d.step}|${d.period}|m${d.measureId}|a${d.agencyId}|${d.recipient}`;

/** A pair's due state at `at`, or null when nothing is expected of it. */
export function pairDue(state: ReminderState, pair: PairRow, s: LadderSettings, at: Date): DueState | null {
  if (state.plan === null) return null;
  const due = dueState(pair, roundFor(pair, state.roundsNewestFirst, at), state.plan, s.timeZone, at);
  return due.closed ? null : due;
}

/** The pair steps whose time has come within the current period, lowest first. */
function reachedSteps(due: DueState, s: LadderSettings, at: Date): PairStep[] {
  const steps: PairStep[] = [];
  for (const step of [STEP.dueSoon, STEP.overdue, STEP.teamLead] as const) {
    const instant = stepInstant(step, due.dueDay, s);
    if (instant <= at && instant >= due.periodStart) steps.push(step);
  }
  return steps;
}

export function activeSnooze(
  snoozes: readonly SnoozeFacts[],
  due: DueState,
  at: Date,
): (recipient: string) => SnoozeFacts | undefined {
  return (recipient) =>
    snoozes.find((z) => z.slackId === recipient && z.createdAt >= due.periodStart && z.createdAt <= at && at < z.until);
}

/**
 * The pure heart of the scheduler: every message that applies at instant
 * `at`, given the database as loaded. Between two reminder times only a
 * round's opening notice can newly apply (see nextReminderInstant).
 * Superseded steps are left out: once the overdue DM is due, a due-soon DM
 * that was never sent (downtime) no longer makes sense.
 */
export function evaluate(state: ReminderState, s: LadderSettings, at: Date): Delivery[] {
  return drain(evaluation(state, s, at));
}

/** evaluate, one pair at a time: the job runs it with drainYielding, so a large plan never holds the event loop. */
export function* evaluation(state: ReminderState, s: LadderSettings, at: Date): Generator<void, Delivery[]> {
  const out: Delivery[] = [];
  const dir = state.directory;
  const roundNotices = new Map<number, Set<string>>();
  const today = dayIn(at, s.timeZone);
  const week = weekOf(today);
  const sumDay = summaryDay(week, s);
  const summaryDue = sumDay !== null && reminderInstant(sumDay, s) <= at;

  const snoozesByPair = new Map<string, SnoozeFacts[]>();
  for (const z of state.snoozes)
    snoozesByPair.set(`${z.measureId}:${z.agencyId}`, [
      ...(snoozesByPair.get(`${z.measureId}:${z.agencyId}`) ?? []),
      z,
    ]);

  const dues: Array<[PairRow, DueState]> = [];
  for (const pair of state.pairs) {
    yield;
    const due = pairDue(state, pair, s, at);
    if (due === null) continue;
    dues.push([pair, due]);
    const snoozes = snoozesByPair.get(`${pair.measureId}:${pair.agencyId}`) ?? [];
    const held = activeSnooze(snoozes, due, at);
    const push = (step: Step, period: string, recipient: string, notBefore = held(recipient)?.until ?? at) =>
      out.push(delivery({ step, period, measureId: pair.measureId, agencyId: pair.agencyId }, recipient, notBefore));

    const reached = reachedSteps(due, s, at);
    const contactStep = reached.filter((x) => x !== STEP.teamLead).at(-1);
    const contacts =
      contactStep === undefined ? [] : dir.route(dir.contactsOrFallback(pair.agencyId)).map((r) => r.recipient);
    const leads = reached.includes(STEP.teamLead)
      ? dir.route(dir.teamLeadOrCoordinators(pair.agencyId)).map((r) => r.recipient)
      : [];
    if (contactStep !== undefined) for (const r of contacts) push(contactStep, due.period, r);
    for (const r of leads) push(STEP.teamLead, due.period, r);
    const highestFor = (r: string): PairStep | undefined =>
      leads.includes(r) ? STEP.teamLead : contacts.includes(r) ? contactStep : undefined;
    for (const z of snoozes) {
      const step = highestFor(z.slackId);
      const last = state.remindedAt.get(remindedKey(pair.measureId, pair.agencyId, z.slackId, due.period));
      // Only a step that was due, and reminded, before the snooze is repeated; one that fell due during it is sent as itself.
      const wasDue = step !== undefined && stepInstant(step, due.dueDay, s) < z.createdAt;
      if (
        step !== undefined &&
        wasDue &&
        z.until <= at &&
        z.createdAt >= due.periodStart &&
        last !== undefined &&
        last < z.createdAt
      ) {
        push(step, repeatPeriod(due.period, z.id), z.slackId, at);
      }
    }

    if (due.roundId !== null) {
      const round = state.roundsNewestFirst.find((r) => r.id === due.roundId);
      if (round !== undefined && isRoundOpen(round, at, s.timeZone)) {
        const set = roundNotices.get(round.id) ?? new Set<string>();
        for (const r of dir.route(dir.contactsOrFallback(pair.agencyId))) set.add(r.recipient);
        roundNotices.set(round.id, set);
      }
    }
  }

  for (const [roundId, recipients] of roundNotices) {
    for (const r of recipients)
      out.push(delivery({ step: STEP.roundOpened, period: `r${roundId}`, measureId: 0, agencyId: 0 }, r, at));
  }
  if (summaryDue && (yield* anyOverdue(dues, s, sumDay))) {
    for (const r of dir.route(dir.coordinators()))
      out.push(delivery({ step: STEP.coordinators, period: `w${week}`, measureId: 0, agencyId: 0 }, r.recipient, at));
  }
  for (const f of state.failures) {
    const triple = {
      step: STEP.failure,
      period: failurePeriod(f.recipient, f.code),
      measureId: f.measureId,
      agencyId: f.agencyId,
    };
    for (const r of dir.route(dir.coordinators())) out.push(delivery(triple, r.recipient, at));
  }
  return out;
}

const failurePeriod = (recipient: string, code: string): string => `f:${recipient}:${code}`;

/** Whether the weekly summary has a row at all: the first pair overdue enough answers it. */
function* anyOverdue(
  dues: ReadonlyArray<[PairRow, DueState]>,
  s: LadderSettings,
  day: LocalDay,
): Generator<void, boolean> {
  for (const [, due] of dues) {
    yield;
    if (overdueWorkingDays(due.dueDay, day) >= s.coordinatorDays) return true;
  }
  return false;
}

function delivery(triple: Triple, recipient: string, notBefore: Date): Delivery {
  return { ...triple, recipient, notBefore, key: ledgerKey({ ...triple, recipient }) };
}

/**
 * The candidates whose step of the period nobody has been sent yet. A snooze's
 * repeat is dropped when its step itself is about to go out to the same
 * person (it was never recorded, e.g. the scheduler was down), so they get one.
 */
export function unrecorded(candidates: readonly Delivery[], recorded: ReadonlySet<string>): Delivery[] {
  const fresh = candidates.filter((d) => !recorded.has(tripleOf(d)));
  const plain = new Set(fresh.filter((d) => !d.period.includes('~')).map((d) => `${tripleOf(d)}|${d.recipient}`));
  return fresh.filter(
    (d) => !d.period.includes('~') || !plain.has(`${tripleOf({ ...d, period: basePeriod(d.period) })}|${d.recipient}`),
  );
}

export interface OverduePair {
  pair: PairRow;
  dueDay: LocalDay;
  overdueDays: number;
  contacts: string[];
}

/** Pairs at least coordinatorDays working days overdue on `day`, still unreported at `at`, most overdue first. */
export function overduePairs(
  state: ReminderState,
  s: LadderSettings,
  at: Date,
  day: LocalDay,
  dues: ReadonlyArray<[PairRow, DueState | null]> = state.pairs.map((p) => [p, pairDue(state, p, s, at)]),
): OverduePair[] {
  const rows: OverduePair[] = [];
  for (const [pair, due] of dues) {
    if (due === null) continue;
    const overdueDays = overdueWorkingDays(due.dueDay, day);
    if (overdueDays >= s.coordinatorDays)
      rows.push({ pair, dueDay: due.dueDay, overdueDays, contacts: state.directory.contacts(pair.agencyId) });
  }
  return rows.sort((a, b) => b.overdueDays - a.overdueDays || a.pair.number - b.pair.number);
}
