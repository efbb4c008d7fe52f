import { elementsNamed, parseXml, type XmlElement } from './xml-tree.js';

/** A Word paragraph as a reader meets it: its style, its text with line breaks, and how it is set. */
export interface ReadParagraph {
  style: string | null;
  text: string;
  keepNext: boolean;
  bullet: boolean;
  /** Per run with text: b for bold, i for italic, '' for plain. */
  runs: string[];
}

const child = (e: XmlElement, name: string) =>
  e.children.find((c): c is XmlElement => typeof c !== 'string' && c.name === name);

function readRun(run: XmlElement): { text: string; format: string } {
  const props = child(run, 'w:rPr');
  const format = `${props && child(props, 'w:b') ? 'b' : ''}${props && child(props, 'w:i') ? 'i' : ''}`;
  let text = '';
  for (const c of run.children) {
    if (typeof c === 'string') continue;
    if (c.name === 'w:br') text += '\n';
    if (c.name === 'w:t') text += c.children.filter((t) => typeof t === 'string').join('');
  }
  return { text, format };
}

/** The paragraphs of word/document.xml in order, parsed strictly (so a malformed part throws). */
export function readParagraphs(documentXml: string): ReadParagraph[] {
  return elementsNamed(parseXml(documentXml), 'w:p').map((p) => {
    const props = child(p, 'w:pPr');
    const runs = p.children.filter((c): c is XmlElement => typeof c !== 'string' && c.name === 'w:r').map(readRun);
    return {
      style: (props && child(props, 'w:pStyle')?.attributes['w:val']) ?? null,
      text: runs.map((r) => r.text).join(''),
      keepNext: props !== undefined && child(props, 'w:keepNext') !== undefined,
      bullet: props !== undefined && child(props, 'w:numPr') !== undefined,
      runs: runs.map((r) => r.format),
    };
  });
}
