import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { type Lang, messages } from '../../kernel/i18n/index.js';
import { titleIn } from '../../kernel/i18n/localized.js';
import { CSV_HEADER, csvLine } from './csv.js';
import { reportBlocks } from './document.js';
import { buildDocxInChild } from './docx-in-child.js';
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
  /** The heap cap of the process that builds a DOCX, in MB. */
  docxMemoryMb: number;
  /** Rows per query; tests make it small to show the query count follows it. */
  pageSize?: number;
}

export type ReportOutcome =
  | { kind: 'written'; filename: string; mimeType: string; versions: number; docxPeakRssMb: number | null }
  | { kind: 'no-plan' }
  /** A DOCX of this period needs more memory than the builder may take; the output is incomplete. */
  | { kind: 'docx-too-large' };

/** Strings gathered to about this many characters per write: one write per line would cost more than the line. */
const CHUNK = 64 * 1024;

/** Writes text to a stream in chunks, waiting when it asks to. */
class ChunkedText {
  private parts: string[] = [];
  private size = 0;
  constructor(private readonly out: Writable) {}

  async add(text: string): Promise<void> {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= CHUNK) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.size === 0) return;
    const ok = this.out.write(this.parts.join(''));
    this.parts = [];
    this.size = 0;
    if (!ok) await once(this.out, 'drain');
    // Blocks and lines are made in microtasks, which let no request in: in the bot, acks wait for this turn.
    await nextTurn();
  }
}

/**
 * The status report in one format, written to `out` as it is read: CSV a
 * page of versions at a time, Markdown a block at a time, DOCX through a
 * child process (docx-in-child.ts). The same for Slack and the CLI. Memory
 * holds the outline and one page, whatever the period. `out` is ended only
 * when the report is complete.
 */
export async function writeReport(
  prisma: PrismaClient,
  request: ReportRequest,
  format: ReportFormat,
  lang: Lang,
  out: Writable,
  options: ReportOptions,
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
    docxPeakRssMb: null,
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
  const meta = { title: m.report.title(titleIn(lang, outline.plan)), language: m.report.locale };
  const docx = await buildDocxInChild(blocks, meta, out, options.docxMemoryMb);
  if (docx.kind === 'too-large') return { kind: 'docx-too-large' };
  out.end();
  await finished(out);
  return { ...written, docxPeakRssMb: docx.childPeakRssMb };
}
