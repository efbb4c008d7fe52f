import { type Lang, messages } from '../../kernel/i18n/index.js';
import { titleIn } from '../../kernel/i18n/localized.js';
import { renderCsv } from './csv.js';
import { reportDocument } from './document.js';
import { renderMarkdown } from './markdown.js';
import type { ReportData } from './model.js';

export const REPORT_FORMATS = ['md', 'docx', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportFile {
  filename: string;
  mimeType: string;
  bytes: Buffer;
}

const MIME: Record<ReportFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  csv: 'text/csv; charset=utf-8',
};

/** The report in one format, the same for Slack and the CLI. */
export async function renderReport(
  data: ReportData,
  format: ReportFormat,
  lang: Lang,
  timeZone: string,
): Promise<ReportFile> {
  const filename = messages(lang).report.filename(data.from, data.to, format);
  if (format === 'csv') return { filename, mimeType: MIME.csv, bytes: Buffer.from(renderCsv(data.versions), 'utf8') };
  const blocks = reportDocument(data, lang, timeZone);
  if (format === 'md') return { filename, mimeType: MIME.md, bytes: Buffer.from(renderMarkdown(blocks), 'utf8') };
  const title = messages(lang).report.title(titleIn(lang, data.plan));
  // docx is the largest module the bot has; only a DOCX export needs it.
  const { renderDocx } = await import('./docx.js');
  return {
    filename,
    mimeType: MIME.docx,
    bytes: await renderDocx(blocks, { title, language: messages(lang).report.locale }),
  };
}
