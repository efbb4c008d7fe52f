import type { LocalDay } from '../../kernel/calendar/calendar.js';
import type { RolledStatus, Status } from '../../kernel/status.js';
import type { DigestUpdate, StatusCounts } from '../digests/index.js';

/** One report as an agency wrote it (the latest version of its series within the period): what a digest shows of an update. */
export type ReportEntry = Omit<DigestUpdate, 'id' | 'version'>;

/** A measure as the report names it, before its entries are read: bounded by the plan, not by the period. */
export interface ReportMeasure {
  id: number;
  number: number;
  titleNb: string;
  titleEn: string;
  agencies: { code: string; nameNb: string; nameEn: string; role: 'LEAD' | 'PARTNER' }[];
  rolled: RolledStatus;
  /** How many entries (series) the period holds for it: what tells the reader how many pages to read. */
  entryCount: number;
  /** No agency reported, but one said "ikke aktuelt" for the period: counts as reported. */
  waivedOnly: boolean;
  reported: boolean;
}

export interface ReportArea {
  number: number | null;
  titleNb: string;
  titleEn: string;
  measures: ReportMeasure[];
}

/** One CSV row: an update version, for the archive. */
export interface VersionRow {
  id: number;
  seriesId: string;
  version: number;
  createdAt: Date;
  periodDate: Date;
  focusArea: number | null;
  measure: number;
  measureTitleNb: string;
  agencyCode: string;
  agencyNameNb: string;
  authorName: string;
  authorSlackId: string;
  onBehalf: boolean;
  status: Status;
  progress: number | null;
  done: string;
  challenges: string | null;
  nextSteps: string | null;
  spendNok: bigint | null;
}

/** The rows a report reads, fixed when its outline is read so that every page sees the same period. */
export interface ReportWindow {
  start: Date;
  end: Date;
  /** The highest update id when the outline was read: later rows are left out, so counts and pages agree. */
  maxUpdateId: number;
}

/**
 * What the status report says before its first entry: the plan, its areas
 * and measures with their status, and the counts. Its size grows with the
 * plan, never with the period; the entries and versions are read in pages.
 */
export interface ReportOutline {
  plan: { titleNb: string; titleEn: string; startDate: LocalDay; endDate: LocalDay; budgetNok: bigint | null };
  from: LocalDay;
  to: LocalDay;
  generatedAt: Date;
  window: ReportWindow;
  areas: ReportArea[];
  counts: StatusCounts;
  measureCount: number;
  areaCount: number;
  agencyCount: number;
  updateCount: number;
}
