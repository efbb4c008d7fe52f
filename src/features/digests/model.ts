import type { LocalDay } from '../../kernel/calendar/calendar.js';
import type { RolledStatus, Status } from '../../kernel/status.js';

/** The week a digest covers: Monday to Sunday, or Monday up to now for a preview. */
export interface DigestPeriod {
  /** ISO week label, e.g. '2004-W09'; also the ledger's period key. */
  week: string;
  firstDay: LocalDay;
  lastDay: LocalDay;
  /** Instants: updates with from < createdAt <= to belong to the period, as statuses are taken at or before an instant. */
  from: Date;
  to: Date;
  /** True while the week is still running (previews). */
  partial: boolean;
}

export type StatusCounts = Record<RolledStatus, number>;

export interface DigestUpdate {
  id: number;
  agencyCode: string;
  agencyNameNb: string;
  agencyNameEn: string;
  authorName: string;
  onBehalf: boolean;
  status: Status;
  progress: number | null;
  done: string;
  challenges: string | null;
  version: number;
  createdAt: Date;
}

export interface OverdueAgency {
  code: string;
  overdueWorkingDays: number;
}

export interface DigestMeasure {
  number: number;
  titleNb: string;
  titleEn: string;
  before: RolledStatus;
  after: RolledStatus;
  updates: DigestUpdate[];
  overdue: OverdueAgency[];
}

interface QuietMeasure {
  number: number;
  status: RolledStatus;
  overdue: OverdueAgency[];
}

interface DigestWeek {
  week: string;
  counts: StatusCounts;
}

/** Everything a digest says, in data: the Slack views, the terminal and the chart render from this. */
export interface Digest {
  area: { id: number; number: number; titleNb: string; titleEn: string; channel: string | null };
  period: DigestPeriod;
  counts: StatusCounts;
  previousCounts: StatusCounts;
  measureCount: number;
  updateCount: number;
  overduePairs: number;
  /** Measures whose status changed or that were updated in the period, by number. */
  changed: DigestMeasure[];
  /** Measures with nothing new, named so that none is left out silently. */
  quiet: QuietMeasure[];
  /** The last eight weeks up to the period, oldest first, for the chart. */
  history: DigestWeek[];
}
