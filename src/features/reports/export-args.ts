import type { LocalDay } from '../../kernel/calendar/calendar.js';
import type { Messages } from '../../kernel/i18n/index.js';
import { REPORT_FORMATS, type ReportFormat } from './build-report.js';

/** '2004-06-30' or '30.06.2004' (also '30.6.2004'); null unless it is a real calendar day. */
export function parseDay(text: string): LocalDay | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const nor = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : nor ? [nor[3], nor[2], nor[1]] : [];
  if (y === undefined || m === undefined || d === undefined) return null;
  const day = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const date = new Date(`${day}T12:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day ? day : null;
}

export type ExportArgs =
  | { kind: 'ok'; from: LocalDay | null; to: LocalDay | null; format: ReportFormat }
  | { kind: 'bad-date'; given: string }
  | { kind: 'bad-format'; given: string }
  | { kind: 'bad-word'; given: string }
  | { kind: 'from-after-to' };

const KEYWORDS: Record<string, 'from' | 'to' | 'format'> = {
  fra: 'from',
  from: 'from',
  til: 'to',
  to: 'to',
  format: 'format',
};

/** Reads `[fra <dato>] [til <dato>] [format md|docx|csv]` in any order, Norwegian or English keywords. */
export function parseExportArgs(args: readonly string[]): ExportArgs {
  let from: LocalDay | null = null;
  let to: LocalDay | null = null;
  let format: ReportFormat = 'docx';
  for (let i = 0; i < args.length; i += 2) {
    const word = (args[i] ?? '').toLowerCase();
    const key = KEYWORDS[word];
    const value = args[i + 1];
    if (key === undefined || value === undefined) return { kind: 'bad-word', given: (args[i] ?? '').slice(0, 40) };
    if (key === 'format') {
      const f = REPORT_FORMATS.find((x) => x === value.toLowerCase());
      if (f === undefined) return { kind: 'bad-format', given: value.slice(0, 40) };
      format = f;
      continue;
    }
    const day = parseDay(value);
    if (day === null) return { kind: 'bad-date', given: value.slice(0, 40) };
    if (key === 'from') from = day;
    else to = day;
  }
  if (from !== null && to !== null && from > to) return { kind: 'from-after-to' };
  return { kind: 'ok', from, to, format };
}

/** What was wrong with the arguments, in the reader's language; the command and the CLI say the same. */
export function exportArgsProblem(m: Messages, args: Exclude<ExportArgs, { kind: 'ok' }>): string {
  const r = m.report;
  switch (args.kind) {
    case 'bad-date':
      return r.exportBadDate(args.given);
    case 'bad-format':
      return r.exportBadFormat(args.given);
    case 'bad-word':
      return r.exportBadWord(args.given, r.exportUsage);
    case 'from-after-to':
      return r.exportFromAfterTo;
  }
}
