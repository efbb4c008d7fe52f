import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { type Lang, messages } from '../../kernel/i18n/index.js';
import { titleIn } from '../../kernel/i18n/localized.js';
import { ChunkedText } from './chunked-text.js';
import { CSV_HEADER, csvLine } from './csv.js';
import { reportBlocks } from './document.js';
import { writeDocx } from './docx-stream.js';
import { loadReportOutline, type ReportRequest } from './load-outline.js';
import { blockMarkdown } from './markdown.js';
import { REPORT_PAGE_SIZE, ReportEntries } from './read-entries.js';
import { versionPages } from './read-versions.js';

export const REPORT_FORMATS = ['md', 'docx', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const MIME: Record<ReportFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  csv: 'text/csv; charset=utf-8',
};

export interface ReportOptions {
  /** Rows per query; tests make it small to show the query count follows it. */
  pageSize?: number;
}

export type ReportOutcome =
  | { kind: 'written'; filename: string; mimeType: string; versions: number }
  | { kind: 'no-plan' };

/**
 * The status report in one format, written to `out` as it is read: CSV a
 * page of versions at a time, Markdown and DOCX a block at a time (a DOCX
 * as a ZIP streamed by docx-stream.ts). The same for Slack and the CLI.
 * Memory holds the outline and one page, whatever the period. `out` is
 * ended only when the report is complete.
 */
export async function writeReport(
  prisma: PrismaClient,
  request: ReportRequest,
  format: ReportFormat,
  lang: Lang,
  out: Writable,
  options: ReportOptions = {},
): Promise<ReportOutcome> {
  const outline = await loadReportOutline(prisma, request);
  if (outline === null) return { kind: 'no-plan' };
  const pageSize = options.pageSize ?? REPORT_PAGE_SIZE;
  const m = messages(lang);
  const written = {
    kind: 'written' as const,
    filename: m.report.filename(outline.from, outline.to, format),
    mimeType: MIME[format],
    versions: outline.updateCount,
  };
  const text = new ChunkedText(out);
  if (format === 'csv') {
    await text.add(CSV_HEADER);
    for await (const page of versionPages(prisma, outline.window, pageSize))
      for (const row of page) await text.add(csvLine(row));
    await text.flush();
    out.end();
    await finished(out);
    return written;
  }
  const reader = new ReportEntries(
    prisma,
    outline.window,
    outline.areas.flatMap((a) => a.measures),
    pageSize,
  );
  const blocks = reportBlocks(outline, (x, challengesOnly) => reader.of(x, challengesOnly), lang, request.timeZone);
  if (format === 'md') {
    // Blocks are separated by a blank line, and the file ends with one line end.
    let first = true;
    for await (const block of blocks) {
      await text.add(`${first ? '' : '\n\n'}${blockMarkdown(block)}`);
      first = false;
    }
    await text.add('\n');
    await text.flush();
    out.end();
    await finished(out);
    return written;
  }
  const meta = {
    title: m.report.title(titleIn(lang, outline.plan)),
    language: m.report.locale,
    created: outline.generatedAt,
  };
  await writeDocx(blocks, meta, out);
  out.end();
  await finished(out);
  return written;
}
