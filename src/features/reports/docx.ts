import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { ReportBlock } from './document.js';

const QUOTE_STYLE = 'Quote';

export interface DocxMeta {
  title: string;
  language: string;
}

/** Line breaks in an agency's text stay line breaks in Word. */
function runs(text: string, options: { italics?: boolean; bold?: boolean } = {}): TextRun[] {
  return text.split(/\r?\n/).map((line, i) => new TextRun({ text: line, ...options, ...(i > 0 ? { break: 1 } : {}) }));
}

/** One block as Word paragraphs: made as each block arrives, so the blocks need not be kept. */
export function docxParagraphs(block: ReportBlock): Paragraph[] {
  switch (block.kind) {
    case 'title':
      return [new Paragraph({ heading: HeadingLevel.TITLE, children: runs(block.text) })];
    case 'heading':
      return [
        new Paragraph({
          heading: block.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
          children: runs(block.text),
        }),
      ];
    case 'paragraph':
      return [new Paragraph({ children: runs(block.text) })];
    case 'field':
      return [
        new Paragraph({ children: [new TextRun({ text: `${block.label}: `, bold: true }), ...runs(block.value)] }),
      ];
    case 'label':
      return [new Paragraph({ keepNext: true, children: runs(block.text, { bold: true }) })];
    case 'list':
      return block.items.map((item) => new Paragraph({ bullet: { level: 0 }, children: runs(item) }));
    case 'quote':
      return [
        new Paragraph({ style: QUOTE_STYLE, keepNext: true, children: runs(block.text.trim(), { italics: true }) }),
        new Paragraph({ style: QUOTE_STYLE, children: runs(`— ${block.attribution}`) }),
      ];
  }
}

/**
 * The report as a Word document with real Title and Heading styles, so a
 * screen reader and the navigation pane see its outline. The document
 * language is set, so Norwegian text is read and spell-checked as such.
 */
export async function packDocx(children: Paragraph[], meta: DocxMeta): Promise<Buffer> {
  const document = new Document({
    title: meta.title,
    creator: 'Tiltak',
    description: meta.title,
    styles: {
      default: { document: { run: { language: { value: meta.language }, font: 'Calibri', size: 22 } } },
      paragraphStyles: [
        {
          id: QUOTE_STYLE,
          name: 'Quote',
          basedOn: 'Normal',
          next: 'Normal',
          paragraph: { indent: { left: 720 }, spacing: { after: 80 } },
        },
      ],
    },
    sections: [{ children }],
  });
  return Packer.toBuffer(document);
}
