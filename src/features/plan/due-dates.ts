import type { PrismaClient } from '../../generated/prisma/client.js';
import { type LocalDay, localDay } from '../../kernel/calendar/calendar.js';
import type { Config } from '../../kernel/config.js';
import type { ReferenceCache } from '../../kernel/db/reference-cache.js';
import {
  dueState,
  lastReportedAt,
  overdueWorkingDays,
  type PairFacts,
  type PlanFacts,
  type RoundFacts,
  roundFor,
} from './due.js';
import { loadDueFacts, type PairFilter } from './due-facts.js';

/** When pairs fall due, and the steps of the reminder ladder; dueSettingsFrom says where each comes from. */
export interface LadderSettings {
  timeZone: string;
  /** Local 'HH:MM' at which reminders go out, on working days. */
  reminderTime: string;
  /** Step 1: working days before the due day. */
  dueSoonDays: number;
  /** Step 2: working days after the due day. */
  overdueDays: number;
  /** Step 3: working days overdue before the team lead hears. */
  teamLeadDays: number;
  /** Step 4: working days overdue before the coordinators' weekly summary lists the pair. */
  coordinatorDays: number;
  /** ISO weekday (1 = Monday) of the weekly summary. */
  summaryWeekday: number;
}

export type DueSettings = LadderSettings;

export function dueSettingsFrom(config: Config): DueSettings {
  return {
    timeZone: config.TZ_PLAN,
    reminderTime: config.REMINDER_TIME,
    dueSoonDays: config.REMINDER_DUE_SOON_DAYS,
    overdueDays: config.REMINDER_OVERDUE_DAYS,
    teamLeadDays: config.ESCALATE_TEAM_LEAD_DAYS,
    coordinatorDays: config.ESCALATE_COORDINATOR_DAYS,
    summaryWeekday: config.ESCALATE_SUMMARY_WEEKDAY,
  };
}

export interface PairDue {
  measureId: number;
  agencyId: number;
  dueDay: LocalDay;
  /** 0 when not overdue, and always 0 for a closed pair. */
  overdueWorkingDays: number;
  lastReportedAt: Date | null;
  roundId: number | null;
  /** Beyond the fixed interface: what the ladder keys its messages on, and whether a report is expected at all. */
  period: string;
  closed: boolean;
}

/** Every responsible pair's due state at `at`, in measure order. */
export async function loadDueStates(
  prisma: PrismaClient,
  settings: DueSettings,
  at: Date,
  filter?: PairFilter,
  reference?: ReferenceCache,
): Promise<PairDue[]> {
  const facts = await loadDueFacts(prisma, at, settings.timeZone, filter, reference);
  return dueStatesFrom(facts, settings, at);
}

/** Each pair's due state at `at`, in the order given, from facts already read. */
export function dueStatesFrom(
  facts: { plan: PlanFacts | null; pairs: readonly PairFacts[]; roundsNewestFirst: readonly RoundFacts[] },
  settings: DueSettings,
  at: Date,
): PairDue[] {
  const { plan } = facts;
  if (plan === null) return [];
  const today = localDay(at, settings.timeZone);
  return facts.pairs.map((pair) => {
    const due = dueState(pair, roundFor(pair, facts.roundsNewestFirst, at), plan, settings.timeZone, at);
    return {
      measureId: pair.measureId,
      agencyId: pair.agencyId,
      dueDay: due.dueDay,
      overdueWorkingDays: due.closed ? 0 : overdueWorkingDays(due.dueDay, today),
      lastReportedAt: lastReportedAt(pair),
      roundId: due.roundId,
      period: due.period,
      closed: due.closed,
    };
  });
}
