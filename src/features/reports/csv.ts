import { dayOf } from '../../kernel/calendar/calendar.js';
import type { VersionRow } from './model.js';

/** Stable column names: archives and scripts read them, so they are never renamed, only added to at the end. */
export const CSV_COLUMNS = [
  'update_id',
  'series_id',
  'version',
  'created_at',
  'period_date',
  'focus_area',
  'measure',
  'measure_title_nb',
  'agency',
  'agency_name_nb',
  'author',
  'author_slack_id',
  'on_behalf',
  'status',
  'progress',
  'done',
  'challenges',
  'next_steps',
  'spend_nok',
] as const;

/**
 * A spreadsheet treats a cell that starts with = + - @ (or a tab or CR) as
 * a formula; typed text is quoted with a leading apostrophe so opening the
 * archive in Excel can never run one (OWASP's CSV injection advice).
 */
function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function cell(value: string | number | boolean | bigint | null, typed: boolean): string {
  if (value === null) return '';
  const text = typed ? neutralise(String(value)) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The first line of the CSV, with its line end. */
export const CSV_HEADER = `${CSV_COLUMNS.join(',')}\r\n`;

/** One update version as a CSV line, with its line end: the file is written a line at a time. */
export function csvLine(r: VersionRow): string {
  const values: [string | number | boolean | bigint | null, boolean][] = [
    [r.id, false],
    [r.seriesId, false],
    [r.version, false],
    [r.createdAt.toISOString(), false],
    [dayOf(r.periodDate), false],
    [r.focusArea, false],
    [r.measure, false],
    [r.measureTitleNb, true],
    [r.agencyCode, true],
    [r.agencyNameNb, true],
    [r.authorName, true],
    [r.authorSlackId, true],
    [r.onBehalf, false],
    [r.status, false],
    [r.progress, false],
    [r.done, true],
    [r.challenges, true],
    [r.nextSteps, true],
    [r.spendNok, false],
  ];
  return `${values.map(([v, typed]) => cell(v, typed)).join(',')}\r\n`;
}

/** RFC 4180: comma-separated, CRLF line ends, quotes doubled; UTF-8 without BOM. One row per update version. */
export function renderCsv(rows: readonly VersionRow[]): string {
  return CSV_HEADER + rows.map(csvLine).join('');
}
