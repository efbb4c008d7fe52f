import type { RoundFacts } from '../../src/features/plan/due.js';
import type { LadderSettings } from '../../src/features/plan/due-dates.js';
import type { PairRow } from '../../src/features/plan/due-facts.js';
import type { FailureFacts, ReminderState, SnoozeFacts } from '../../src/features/reminders/jobs/reminders-state.js';
import { type ActiveAbsence, Directory, type DirectoryPerson } from '../../src/features/reminders/ladder-routing.js';
import { atLocalTime } from '../../src/kernel/calendar/calendar.js';

/** The ladder's defaults, as the configuration gives them. */
export const SETTINGS: LadderSettings = {
  timeZone: 'Europe/Oslo',
  reminderTime: '09:00',
  dueSoonDays: 2,
  overdueDays: 1,
  teamLeadDays: 3,
  coordinatorDays: 7,
  summaryWeekday: 1,
};

/** 'YYYY-MM-DD HH:MM' in Oslo (atLocalTime is pinned against literal instants in calendar.test.ts). */
export const oslo = (local: string): Date => {
  const [day, time] = local.split(' ') as [string, string];
  return atLocalTime(day, time, 'Europe/Oslo');
};

const PEOPLE: DirectoryPerson[] = [
  { slackId: 'U0KARI01', name: 'Kari', agencyId: 1, role: 'CONTACT', language: 'nb' },
  { slackId: 'U0PER001', name: 'Per', agencyId: 1, role: 'CONTACT', language: 'nb' },
  { slackId: 'U0OLA001', name: 'Ola', agencyId: 2, role: 'CONTACT', language: 'en' },
  { slackId: 'U0LEADJD', name: 'Liv', agencyId: 1, role: 'TEAM_LEAD', language: 'nb' },
  { slackId: 'U0KOORD1', name: 'Kim', agencyId: null, role: 'COORDINATOR', language: 'nb' },
];

export function pair(over: Partial<PairRow> = {}): PairRow {
  return {
    measureId: 1,
    agencyId: 1,
    focusAreaId: 1,
    cadenceDays: null,
    lastUpdateAt: null,
    lastWaivedAt: null,
    settled: false,
    role: 'LEAD',
    number: 1,
    titleNb: 'Flyktningstatus',
    titleEn: 'Refugee status',
    agencyCode: 'JD',
    agencyNameNb: 'Justisdepartementet',
    agencyNameEn: 'Ministry of Justice',
    ...over,
  };
}

export interface StateInput {
  pairs?: PairRow[];
  people?: DirectoryPerson[];
  absences?: ActiveAbsence[];
  rounds?: RoundFacts[];
  snoozes?: SnoozeFacts[];
  reminded?: Array<[string, Date]>;
  failures?: FailureFacts[];
  startDay?: string;
}

/** A ReminderState as the loader would build it, without a database. */
export function state(input: StateInput = {}): ReminderState {
  return {
    plan: { startDay: input.startDay ?? '2004-01-01', endDay: '2004-12-31', defaultCadenceDays: 14 },
    pairs: input.pairs ?? [pair()],
    roundsNewestFirst: [...(input.rounds ?? [])].sort((a, b) => b.openedAt.getTime() - a.openedAt.getTime()),
    directory: new Directory(
      input.people ?? PEOPLE,
      new Map([
        [1, 'U0LEADJD'],
        [2, null],
      ]),
      input.absences ?? [],
    ),
    snoozes: input.snoozes ?? [],
    remindedAt: new Map(input.reminded ?? []),
    failures: input.failures ?? [],
  };
}
