import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { ReportBlock } from '../../src/features/reports/document.js';
import type { DocxMeta } from '../../src/features/reports/docx-parts.js';
import { writeDocx } from '../../src/features/reports/docx-stream.js';
import { readParagraphs } from './docx-paragraphs.js';
import { readZip } from './report-zip-reader.js';
import { elementsNamed, parseXml } from './xml-tree.js';

const META: DocxMeta = {
  title: 'Statusrapport: Testplan',
  language: 'nb-NO',
  created: new Date('2004-06-30T12:00:00Z'),
};

async function* each(blocks: ReportBlock[]): AsyncGenerator<ReportBlock> {
  yield* blocks;
}

async function docx(blocks: ReportBlock[], meta = META): Promise<Map<string, Buffer>> {
  const chunks: Buffer[] = [];
  const out = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  await writeDocx(each(blocks), meta, out);
  return readZip(Buffer.concat(chunks));
}

const part = (zip: Map<string, Buffer>, name: string) => zip.get(name)?.toString('utf8') ?? '';

const EVERY_KIND: ReportBlock[] = [
  { kind: 'title', text: 'Statusrapport: Testplan' },
  { kind: 'paragraph', text: 'Første linje\nandre linje' },
  { kind: 'heading', level: 1, text: 'Innledning' },
  { kind: 'heading', level: 2, text: 'Tiltak 1: Flyktningstatus' },
  { kind: 'field', label: 'Status', value: 'Risiko' },
  { kind: 'label', text: 'Gjort i perioden' },
  { kind: 'list', items: ['I rute: 2', 'Risiko: 1'] },
  { kind: 'quote', text: '  Utkast sendt.\r\nVi venter.  ', attribution: 'JD, Kari Nordmann, 25. februar 2004' },
];

describe('the streamed DOCX', () => {
  it('renders each block as the docx library did: styles, bold labels, bullets, italic quotes kept with their attribution', async () => {
    expect(readParagraphs(part(await docx(EVERY_KIND), 'word/document.xml'))).toEqual([
      { style: 'Title', text: 'Statusrapport: Testplan', keepNext: false, bullet: false, runs: [''] },
      { style: null, text: 'Første linje\nandre linje', keepNext: false, bullet: false, runs: ['', ''] },
      { style: 'Heading1', text: 'Innledning', keepNext: false, bullet: false, runs: [''] },
      { style: 'Heading2', text: 'Tiltak 1: Flyktningstatus', keepNext: false, bullet: false, runs: [''] },
      { style: null, text: 'Status: Risiko', keepNext: false, bullet: false, runs: ['b', ''] },
      { style: null, text: 'Gjort i perioden', keepNext: true, bullet: false, runs: ['b'] },
      { style: 'ListParagraph', text: 'I rute: 2', keepNext: false, bullet: true, runs: [''] },
      { style: 'ListParagraph', text: 'Risiko: 1', keepNext: false, bullet: true, runs: [''] },
      { style: 'Quote', text: 'Utkast sendt.\nVi venter.', keepNext: true, bullet: false, runs: ['i', 'i'] },
      { style: 'Quote', text: '— JD, Kari Nordmann, 25. februar 2004', keepNext: false, bullet: false, runs: [''] },
    ]);
  });

  it('keeps an agency’s hostile text as text: markup escaped, characters XML forbids dropped, emoji kept', async () => {
    const hostile =
      'Slutt</w:t></w:r></w:p><w:p> ]]> <![CDATA[x]]> &amp; "q" \'a\' \u0000\u0001\u001f\ufffe \ud800 \udc00 😀 \u0085 tab\there';
    const zip = await docx([
      { kind: 'quote', text: hostile, attribution: 'Etat <b> & "sitat"' },
      { kind: 'list', items: [hostile] },
    ]);
    const paragraphs = readParagraphs(part(zip, 'word/document.xml'));
    const forbidden = ['\u0000', '\u0001', '\u001f', '\ufffe', '\ud800', '\udc00'];
    const kept = forbidden.reduce((text, c) => text.replaceAll(c, ''), hostile);
    expect(kept).toContain("'a'    😀 \u0085 tab\there");
    expect(paragraphs.map((p) => p.text)).toEqual([kept, '— Etat <b> & "sitat"', kept]);
    const meta = await docx([], { ...META, title: 'Plan <w:p> & \u0001"' });
    expect(elementsNamed(parseXml(part(meta, 'docProps/core.xml')), 'dc:title')[0]?.children).toEqual([
      'Plan <w:p> & "',
    ]);
  });

  it('is a whole package: every part well-formed, declared by its content type and reached by a relationship', async () => {
    const zip = await docx(EVERY_KIND);
    for (const [name, bytes] of zip) expect(() => parseXml(bytes.toString('utf8')), name).not.toThrow();
    const types = parseXml(part(zip, '[Content_Types].xml'));
    const overrides = elementsNamed(types, 'Override').map((o) => o.attributes.PartName);
    const defaults = elementsNamed(types, 'Default').map((d) => d.attributes.Extension);
    for (const name of zip.keys())
      expect(overrides.includes(`/${name}`) || defaults.includes(name.split('.').pop()), name).toBe(true);
    const targets = (rels: string, base: string) =>
      elementsNamed(parseXml(part(zip, rels)), 'Relationship').map((r) => `${base}${r.attributes.Target}`);
    expect(targets('_rels/.rels', '').sort()).toEqual(['docProps/app.xml', 'docProps/core.xml', 'word/document.xml']);
    expect(targets('word/_rels/document.xml.rels', 'word/').sort()).toEqual([
      'word/numbering.xml',
      'word/settings.xml',
      'word/styles.xml',
    ]);
    expect([...zip.keys()].sort()).toEqual(
      [...targets('_rels/.rels', ''), ...targets('word/_rels/document.xml.rels', 'word/')]
        .concat(['[Content_Types].xml', '_rels/.rels', 'word/_rels/document.xml.rels'])
        .sort(),
    );
    const document = parseXml(part(zip, 'word/document.xml'));
    expect(document.name).toBe('w:document');
    expect(document.attributes['xmlns:w']).toBe('http://schemas.openxmlformats.org/wordprocessingml/2006/main');
  });

  it('styles the text Calibri 11 pt in the document’s language, with Word’s own Title, outline headings, Quote and list', async () => {
    const zip = await docx(EVERY_KIND, { ...META, language: 'en-GB' });
    const styles = parseXml(part(zip, 'word/styles.xml'));
    expect(elementsNamed(styles, 'w:lang')[0]?.attributes['w:val']).toBe('en-GB');
    expect(elementsNamed(styles, 'w:rFonts')[0]?.attributes['w:ascii']).toBe('Calibri');
    expect(elementsNamed(styles, 'w:sz')[0]?.attributes['w:val']).toBe('22');
    const byId = new Map(elementsNamed(styles, 'w:style').map((s) => [s.attributes['w:styleId'], s]));
    expect([...byId.keys()]).toEqual(['Normal', 'Title', 'Heading1', 'Heading2', 'Quote', 'ListParagraph']);
    const level = (id: string) =>
      elementsNamed(byId.get(id) ?? parseXml('<x/>'), 'w:outlineLvl')[0]?.attributes['w:val'];
    expect([level('Heading1'), level('Heading2')]).toEqual(['0', '1']);
    const quote = byId.get('Quote') ?? parseXml('<x/>');
    expect(elementsNamed(quote, 'w:ind')[0]?.attributes['w:left']).toBe('720');
    expect(elementsNamed(quote, 'w:spacing')[0]?.attributes['w:after']).toBe('80');
    expect(elementsNamed(quote, 'w:basedOn')[0]?.attributes['w:val']).toBe('Normal');
    const numbering = parseXml(part(zip, 'word/numbering.xml'));
    expect(elementsNamed(numbering, 'w:numFmt')[0]?.attributes['w:val']).toBe('bullet');
    expect(elementsNamed(numbering, 'w:num')[0]?.attributes['w:numId']).toBe('1');
    const core = part(zip, 'docProps/core.xml');
    expect(core).toContain('<dc:title>Statusrapport: Testplan</dc:title><dc:creator>Tiltak</dc:creator>');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2004-06-30T12:00:00Z</dcterms:created>');
  });

  it('gives the same bytes for the same blocks, so a report can be compared with the one before', async () => {
    const [a, b] = [await docx(EVERY_KIND), await docx(EVERY_KIND)];
    expect([...a.entries()]).toEqual([...b.entries()]);
  });
});

describe('a DOCX whose blocks fail half-way', () => {
  it('rejects with the reader’s error and leaves the stream open, so no half file is uploaded as whole', async () => {
    async function* failing(): AsyncGenerator<ReportBlock> {
      yield { kind: 'title', text: 'Statusrapport' };
      throw new Error('the database went away');
    }
    const out = new Writable({ write: (_chunk, _encoding, done) => done() });
    await expect(writeDocx(failing(), META, out)).rejects.toThrow('the database went away');
    expect(out.writableEnded).toBe(false);
  });
});

describe('a DOCX far larger than the heap', () => {
  it('is written whole by a process with 32 MB of heap: the document is streamed, never held', async () => {
    const quotes = 100_000;
    const child = spawn(
      process.execPath,
      ['--max-old-space-size=32', '--import', 'tsx', 'tests/support/children/large-docx.ts', String(quotes)],
      { env: { PATH: process.env.PATH, HOME: process.env.HOME }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const chunks: Buffer[] = [];
    let errors = '';
    child.stdout.on('data', (d: Buffer) => chunks.push(d));
    child.stderr.on('data', (d: Buffer) => (errors += d.toString()));
    const [code] = (await once(child, 'close')) as [number | null];
    expect(errors).toBe('');
    expect(code).toBe(0);
    const xml = part(readZip(Buffer.concat(chunks)), 'word/document.xml');
    // About 58 million characters of XML: held as one string, more than three times the heap the process had.
    expect(xml.length).toBeGreaterThan(55_000_000);
    expect(xml.match(/<w:pStyle w:val="Quote"\/>/g)).toHaveLength(2 * quotes);
    expect(xml.endsWith('</w:body></w:document>')).toBe(true);
    expect(xml).toContain(`— JD, Kari Nordmann, ${quotes}. januar 2004`);
  }, 120_000);
});
