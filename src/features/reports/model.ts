import type { LocalDay } from '../../kernel/calendar/calendar.js';
import type { RolledStatus, Status } from '../../kernel/status.js';
import type { DigestUpdate, StatusCounts } from '../digests/index.js';

/** One report as an agency wrote it (the latest version of its series within the period): what a digest shows of an update. */
export type ReportEntry = Omit<DigestUpdate, 'id' | 'version'>;

export interface ReportMeasure {
  number: number;
  titleNb: string;
  titleEn: string;
  agencies: { code: string; nameNb: string; nameEn: string; role: 'LEAD' | 'PARTNER' }[];
  rolled: RolledStatus;
  entries: ReportEntry[];
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

/** Everything the status report says, in data; Markdown, DOCX and CSV render from it. */
export interface ReportData {
  plan: { titleNb: string; titleEn: string; startDate: LocalDay; endDate: LocalDay; budgetNok: bigint | null };
  from: LocalDay;
  to: LocalDay;
  generatedAt: Date;
  areas: ReportArea[];
  counts: StatusCounts;
  measureCount: number;
  areaCount: number;
  agencyCount: number;
  updateCount: number;
  versions: VersionRow[];
}
