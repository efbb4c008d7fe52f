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

/** RFC 4180: comma-separated, CRLF line ends, quotes doubled; UTF-8 without BOM. One row per update version. */
export function renderCsv(rows: readonly VersionRow[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of rows) {
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
    lines.push(values.map(([v, typed]) => cell(v, typed)).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
