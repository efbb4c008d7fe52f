import type { ReportBlock } from './document.js';

/** Agencies' own words must not turn into headings, links, HTML or lists. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/([\\`*_[\]#|])/g, '\\$1')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/^(\s*)([-+])(\s)/gm, '$1\\$2$3')
    .replace(/^(\s*)(\d+)\.(\s)/gm, '$1$2\\.$3');
}

const quoteLines = (text: string) =>
  escapeMarkdown(text.trim())
    .split(/\r?\n/)
    .map((line) => (line.trim() === '' ? '>' : `> ${line}`));

/** Pure: the same blocks as the DOCX, as Markdown. */
export function renderMarkdown(blocks: readonly ReportBlock[]): string {
  return `${blocks.map(blockMarkdown).join('\n\n')}\n`;
}

/** One block as Markdown, without the blank line that separates it from the next. */
export function blockMarkdown(b: ReportBlock): string {
  switch (b.kind) {
    case 'title':
      return `# ${escapeMarkdown(b.text)}`;
    case 'heading':
      return `${'#'.repeat(b.level + 1)} ${escapeMarkdown(b.text)}`;
    case 'paragraph':
      return escapeMarkdown(b.text);
    case 'field':
      return `**${escapeMarkdown(b.label)}:** ${escapeMarkdown(b.value)}`;
    case 'label':
      return `**${escapeMarkdown(b.text)}**`;
    case 'list':
      return b.items.map((item) => `- ${escapeMarkdown(item)}`).join('\n');
    case 'quote':
      return [...quoteLines(b.text), '>', `> — ${escapeMarkdown(b.attribution)}`].join('\n');
  }
}
