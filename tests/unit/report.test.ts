import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, renderCsv } from '../../src/features/reports/csv.js';
import { parseExportArgs } from '../../src/features/reports/export-args.js';
import { escapeMarkdown, renderMarkdown } from '../../src/features/reports/markdown.js';
import type { VersionRow } from '../../src/features/reports/model.js';

const TODAY = '2004-08-01';

describe('report arguments', () => {
  it('reads a day as every command does, 3.5 included (it once failed here alone)', () => {
    expect(parseExportArgs(['fra', '3.5', 'til', '30.6.2004'], '2004-08-01')).toEqual({
      kind: 'ok',
      from: '2004-05-03',
      to: '2004-06-30',
      format: 'docx',
    });
  });

  it('reads fra/til/format in any order, in Norwegian or English', () => {
    expect(parseExportArgs([], TODAY)).toEqual({ kind: 'ok', from: null, to: null, format: 'docx' });
    expect(parseExportArgs(['format', 'CSV', 'til', '30.06.2004', 'fra', '2004-01-01'], TODAY)).toEqual({
      kind: 'ok',
      from: '2004-01-01',
      to: '2004-06-30',
      format: 'csv',
    });
    expect(parseExportArgs(['from', '2004-01-01', 'to', '2004-03-31', 'format', 'md'], TODAY)).toMatchObject({
      kind: 'ok',
      format: 'md',
    });
  });

  it('says exactly what is wrong with bad input', () => {
    expect(parseExportArgs(['fra', '2004-13-01'], TODAY)).toEqual({ kind: 'bad-date', given: '2004-13-01' });
    expect(parseExportArgs(['format', 'pdf'], TODAY)).toEqual({ kind: 'bad-format', given: 'pdf' });
    expect(parseExportArgs(['fra'], TODAY)).toEqual({ kind: 'bad-word', given: 'fra' });
    expect(parseExportArgs(['<!channel>', 'x'], TODAY)).toEqual({ kind: 'bad-word', given: '<!channel>' });
    expect(parseExportArgs(['fra', '2004-06-30', 'til', '2004-01-01'], TODAY)).toEqual({ kind: 'from-after-to' });
  });
});

describe('the Markdown renderer', () => {
  it('keeps an agency’s words from becoming headings, lists, links or HTML', () => {
    const md = renderMarkdown([
      {
        kind: 'quote',
        text: '# Overskrift\n- punkt\n[lenke](http://x) <script>',
        attribution: 'JD, *Kari*, 1. mars 2004',
      },
    ]);
    expect(md).toBe(
      '> \\# Overskrift\n> \\- punkt\n> \\[lenke\\](http://x) &lt;script&gt;\n>\n> — JD, \\*Kari\\*, 1. mars 2004\n',
    );
    expect(escapeMarkdown('1. mai')).toBe('1\\. mai');
  });
});

describe('the CSV renderer', () => {
  const row: VersionRow = {
    id: 7,
    seriesId: 'abc',
    version: 2,
    createdAt: new Date('2004-03-01T10:00:00Z'),
    periodDate: new Date('2004-03-01T00:00:00Z'),
    focusArea: null,
    measure: 4,
    measureTitleNb: '+47 tiltak',
    agencyCode: 'JD',
    agencyNameNb: 'Justis, og politi',
    authorName: '@kari',
    authorSlackId: 'U1',
    onBehalf: true,
    status: 'DELAYED',
    progress: null,
    done: '-5 % "budsjett"',
    challenges: null,
    nextSteps: 'linje 1\r\nlinje 2',
    spendNok: 1234567890123n,
  };

  it('writes the header alone for an empty period', () => {
    expect(renderCsv([])).toBe(`${CSV_COLUMNS.join(',')}\r\n`);
  });

  it('quotes, doubles quotes, defuses formulas in typed text and leaves numbers alone', () => {
    const [, line] = renderCsv([row]).split('\r\n');
    expect(line).toBe(
      `7,abc,2,2004-03-01T10:00:00.000Z,2004-03-01,,4,'+47 tiltak,JD,"Justis, og politi",'@kari,U1,true,DELAYED,,"'-5 % ""budsjett""",,"linje 1`,
    );
    expect(renderCsv([row])).toContain('linje 2",1234567890123\r\n');
  });
});
