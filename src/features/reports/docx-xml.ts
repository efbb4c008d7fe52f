import type { ReportBlock } from './document.js';

/**
 * What XML 1.0 cannot hold at all, escaped or not: control characters other
 * than tab, line feed and carriage return, U+FFFE/U+FFFF, and a surrogate
 * without its pair (the `u` flag sees a paired one as one character, which
 * the last range allows).
 */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/**
 * Text safe in XML content and attribute values. The agencies' texts are
 * user input: what XML forbids is dropped (Word refuses a file with it),
 * and markup is escaped, so no text can open or close an element.
 */
export function xmlText(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"]/g, (c) => ESCAPES[c] as string);
}

const BOLD = '<w:rPr><w:b/><w:bCs/></w:rPr>';
const ITALIC = '<w:rPr><w:i/><w:iCs/></w:rPr>';

/**
 * One run per line, each after the first opened by a break, so line breaks
 * in an agency's text stay line breaks in Word. A lone carriage return is
 * no line end here (as in the Markdown) and would be read as one by XML, so
 * it is dropped.
 */
function runs(text: string, format = ''): string {
  return text
    .split(/\r?\n/)
    .map(
      (line, i) =>
        `<w:r>${format}${i > 0 ? '<w:br/>' : ''}<w:t xml:space="preserve">${xmlText(line.replace(/\r/g, ''))}</w:t></w:r>`,
    )
    .join('');
}

/** A paragraph; its properties in the order the schema requires (style, keepNext, numbering). */
function paragraph(content: string, props: { style?: string; keepNext?: boolean; bullet?: boolean } = {}): string {
  const pPr =
    (props.style === undefined ? '' : `<w:pStyle w:val="${props.style}"/>`) +
    (props.keepNext ? '<w:keepNext/>' : '') +
    (props.bullet ? '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>' : '');
  return `<w:p>${pPr === '' ? '' : `<w:pPr>${pPr}</w:pPr>`}${content}</w:p>`;
}

/**
 * One block as WordprocessingML paragraphs, with real Title and Heading
 * styles so a screen reader and the navigation pane see the outline. A quote
 * keeps with its attribution, and a label with what it introduces.
 */
export function blockXml(block: ReportBlock): string {
  switch (block.kind) {
    case 'title':
      return paragraph(runs(block.text), { style: 'Title' });
    case 'heading':
      return paragraph(runs(block.text), { style: block.level === 1 ? 'Heading1' : 'Heading2' });
    case 'paragraph':
      return paragraph(runs(block.text));
    case 'field':
      return paragraph(runs(`${block.label}: `, BOLD) + runs(block.value));
    case 'label':
      return paragraph(runs(block.text, BOLD), { keepNext: true });
    case 'list':
      return block.items.map((item) => paragraph(runs(item), { style: 'ListParagraph', bullet: true })).join('');
    case 'quote':
      return (
        paragraph(runs(block.text.trim(), ITALIC), { style: 'Quote', keepNext: true }) +
        paragraph(runs(`— ${block.attribution}`), { style: 'Quote' })
      );
  }
}
