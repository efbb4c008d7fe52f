import type { LocalDay } from '../../kernel/calendar/calendar.js';
import type { Messages } from '../../kernel/i18n/index.js';
import { parseDay } from '../../kernel/text/typed-day.js';
import { REPORT_FORMATS, type ReportFormat } from './write-report.js';

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

/** Reads `[fra <dato>] [til <dato>] [format md|docx|csv]` in any order, Norwegian or English keywords; a day as every command reads one. */
export function parseExportArgs(args: readonly string[], today: LocalDay): ExportArgs {
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
    const day = parseDay(value, today);
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
