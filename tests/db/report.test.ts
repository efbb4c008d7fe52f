import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from '../../src/features/reports/csv.js';
import { loadReportOutline } from '../../src/features/reports/load-outline.js';
import type { ReportOutline } from '../../src/features/reports/model.js';
import { type CountingDatabase, openCountingDatabase } from '../jobs/digest-counting-db.js';
import { addUpdates } from '../jobs/digest-support.js';
import { seedPlan } from '../support/harness.js';
import { paragraphsWithStyle, readZip } from '../unit/report-zip-reader.js';
import { parseXml } from '../unit/xml-tree.js';
import { reportBytes } from './report-bytes.js';

const TZ = 'Europe/Oslo';
const REQUEST = {
  from: '2004-01-01',
  to: '2004-06-30',
  timeZone: TZ,
  generatedAt: new Date('2004-07-01T09:00:00+02:00'),
};

let db: CountingDatabase;
let data: ReportOutline;

/** A known plan: an edited report, a challenge with quotes and a line break, a formula-like text, a waiver, and reports outside the period. */
beforeAll(async () => {
  db = await openCountingDatabase();
  await seedPlan(db);
  const { prisma } = db;
  const udi = await prisma.agency.findUniqueOrThrow({ where: { code: 'UDI' } });
  const kari = await prisma.person.findUniqueOrThrow({ where: { slackId: 'U0KARI01' } });
  const unplaced = await prisma.measure.create({
    data: { number: 4, titleNb: 'Uplassert tiltak', titleEn: 'Unplaced measure' },
  });
  await prisma.measureAgency.create({ data: { measureId: unplaced.id, agencyId: udi.id, role: 'LEAD' } });
  await prisma.periodWaiver.create({
    data: {
      measureId: unplaced.id,
      agencyId: udi.id,
      personId: kari.id,
      reason: 'Ikke aktuelt nå',
      createdAt: new Date('2004-05-02T10:00:00+02:00'),
    },
  });
  await addUpdates(prisma, [
    {
      measure: 1,
      agency: 'JD',
      author: 'U0KARI01',
      status: 'ON_TRACK',
      done: 'Gammel rapport fra før perioden.',
      at: '2003-12-20T10:00:00+01:00',
    },
    {
      measure: 1,
      agency: 'JD',
      author: 'U0KARI01',
      status: 'ON_TRACK',
      done: 'Utkast sendt på høring.',
      at: '2004-02-24T10:00:00+01:00',
      seriesId: 's-1',
      version: 1,
    },
    {
      measure: 1,
      agency: 'JD',
      author: 'U0KARI01',
      status: 'ON_TRACK',
      done: 'Utkast sendt på høring, med kommentarer fra UNE.',
      at: '2004-02-25T10:00:00+01:00',
      seriesId: 's-1',
      version: 2,
    },
    {
      measure: 2,
      agency: 'JD',
      author: 'U0KARI01',
      status: 'AT_RISK',
      done: 'Avtale med tre krisesentre.',
      challenges: 'Finansieringen for "2005", er uavklart.\nVi venter på budsjettet.',
      at: '2004-03-10T10:00:00+01:00',
    },
    {
      measure: 2,
      agency: 'BFD',
      author: 'U0OLA001',
      status: 'ON_TRACK',
      done: '=SUM(A1:A9) er ikke en formel',
      at: '2004-04-01T10:00:00+02:00',
    },
    {
      measure: 3,
      agency: 'BFD',
      author: 'U0OLA001',
      status: 'DELAYED',
      done: 'Etter perioden.',
      at: '2004-07-05T10:00:00+02:00',
    },
  ]);
  db.resetCount();
  const loaded = await loadReportOutline(prisma, REQUEST);
  if (loaded === null) throw new Error('no plan');
  data = loaded;
});
afterAll(async () => {
  await db?.close();
});

const text = async (format: 'md' | 'csv', lang: 'nb' | 'en' = 'nb') =>
  (await reportBytes(db.prisma, REQUEST, format, lang)).bytes.toString('utf8');

describe('the status report for 1 January – 30 June 2004', () => {
  it('counts measures, areas, agencies, update versions and statuses as of the period’s end', () => {
    expect(data).toMatchObject({ measureCount: 4, areaCount: 2, agencyCount: 3, updateCount: 4 });
    expect(data.counts).toMatchObject({ ON_TRACK: 1, AT_RISK: 1, NO_REPORT: 2, DELAYED: 0 });
    expect(data.areas.map((a) => [a.number, a.measures.map((m) => m.number)])).toEqual([
      [1, [1, 2]],
      [2, [3]],
      [null, [4]],
    ]);
  });

  it('has its outline loaded in a fixed, small number of queries', () => {
    // Plan, areas, statuses, the counts per measure, waivers: a fixed number, not one per measure.
    expect(db.queries()).toBeLessThanOrEqual(15);
  });

  it('in Markdown: introduction, each area and measure, the agencies’ own words attributed, and the annex', async () => {
    const md = await text('md');
    expect(md.startsWith('# Statusrapport: Testplan\n')).toBe(true);
    expect(md).toContain('Rapporteringsperiode 1. januar–30. juni 2004. Utarbeidet 1. juli 2004.');
    expect(md).toContain('## Innledning');
    expect(md).toMatch(/Planen har en ramme på 1\s000\s000 kroner\./);
    expect(md).toContain('Planen har 4 tiltak fordelt på 2 satsingsområder, med 3 ansvarlige etater.');
    expect(md).toContain(
      'I perioden kom det 4 oppdateringer (medregnet endringer) på 3 tiltak; 1 tiltak ble ikke rapportert.',
    );
    expect(md).toContain('- I rute: 1\n- Risiko: 1\n- Ikke rapportert: 2');
    expect(md).toContain('## Satsingsområde 1: Beskytte');
    expect(md).toContain('### Tiltak 2: Trygge steder');
    expect(md).toContain(
      '**Ansvarlig:** JD – Justisdepartementet (hovedansvar); BFD – Barne- og familiedepartementet (medansvar); UDI – Utlendingsdirektoratet (medansvar)',
    );
    expect(md).toContain('**Status:** Risiko');
    // The edit replaces the first version; nothing from outside the period.
    expect(md).toContain(
      '> Utkast sendt på høring, med kommentarer fra UNE.\n>\n> — JD, Kari Nordmann, 25. februar 2004',
    );
    expect(md).not.toContain('Utkast sendt på høring.\n');
    expect(md).not.toContain('Gammel rapport');
    expect(md).not.toContain('Etter perioden');
    expect(md).toContain(
      '**Utfordringer**\n\n> Finansieringen for "2005", er uavklart.\n> Vi venter på budsjettet.\n>\n> — JD, Kari Nordmann, 10. mars 2004',
    );
    expect(md).toContain('## Tiltak uten satsingsområde');
    expect(md).toContain('Meldt «ikke aktuelt» for perioden.');
    expect(md).toContain(
      '## Vedlegg: Tiltak som ikke er rapportert\n\nTiltak uten oppdatering fra noen ansvarlig etat i perioden 1. januar–30. juni 2004:\n\n- Tiltak 3: Informasjon (BFD)\n',
    );
  });

  it('as DOCX: a valid zip whose word/document.xml has the same title and headings as the Markdown, as real heading styles', async () => {
    const docx = await reportBytes(db.prisma, REQUEST, 'docx', 'nb');
    expect(docx.filename).toBe('statusrapport-2004-01-01-2004-06-30.docx');
    const zip = readZip(docx.bytes);
    for (const [name, bytes] of zip) expect(() => parseXml(bytes.toString('utf8')), name).not.toThrow();
    expect([...zip.keys()]).toEqual(
      expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'word/styles.xml', 'docProps/core.xml']),
    );
    const xml = zip.get('word/document.xml')?.toString('utf8') ?? '';
    const md = await text('md');
    const unescapeLine = (line: string) => line.replace(/\\(.)/g, '$1');
    const mdHeadings = (prefix: string) =>
      md
        .split('\n')
        .filter((l) => l.startsWith(prefix))
        .map((l) => unescapeLine(l.slice(prefix.length)));
    expect(paragraphsWithStyle(xml, 'Title')).toEqual(mdHeadings('# '));
    expect(paragraphsWithStyle(xml, 'Heading1')).toEqual(mdHeadings('## '));
    expect(paragraphsWithStyle(xml, 'Heading2')).toEqual(mdHeadings('### '));
    expect(paragraphsWithStyle(xml, 'Heading1')).toEqual([
      'Innledning',
      'Satsingsområde 1: Beskytte',
      'Satsingsområde 2: Forebygge',
      'Tiltak uten satsingsområde',
      'Vedlegg: Tiltak som ikke er rapportert',
    ]);
    expect(paragraphsWithStyle(xml, 'Quote').join('\n')).toContain('— JD, Kari Nordmann, 10. mars 2004');
    expect(xml).toContain(
      'I perioden kom det 4 oppdateringer (medregnet endringer) på 3 tiltak; 1 tiltak ble ikke rapportert.',
    );
    expect(zip.get('word/styles.xml')?.toString('utf8')).toContain('w:val="nb-NO"');
    expect(zip.get('docProps/core.xml')?.toString('utf8')).toContain('<dc:title>Statusrapport: Testplan</dc:title>');
  });

  it('as CSV: stable columns and one row per update version in the period, quoted by RFC 4180, with formulas defused', async () => {
    const csv = await text('csv');
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows[0]).toEqual([
      'update_id',
      'series_id',
      'version',
      'created_at',
      'period_date',
      'focus_area',
      'measure',
      'measure_title_nb',
      'agency',
      'agency_name_nb',
      'author',
      'author_slack_id',
      'on_behalf',
      'status',
      'progress',
      'done',
      'challenges',
      'next_steps',
      'spend_nok',
    ]);
    const body = rows.slice(1).map((r) => Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, r[i]])));
    expect(body).toHaveLength(4);
    expect(body.filter((r) => r.series_id === 's-1').map((r) => r.version)).toEqual(['1', '2']);
    expect(body[0]).toMatchObject({
      created_at: '2004-02-24T09:00:00.000Z',
      focus_area: '1',
      measure: '1',
      agency: 'JD',
      author: 'Kari Nordmann',
      status: 'ON_TRACK',
      on_behalf: 'false',
    });
    expect(body[2]?.challenges).toBe('Finansieringen for "2005", er uavklart.\nVi venter på budsjettet.');
    expect(body[3]?.done).toBe("'=SUM(A1:A9) er ikke en formel");
    expect(csv.includes('\r\n')).toBe(true);
  });

  it('in English too, under the same structure', async () => {
    const md = await text('md', 'en');
    expect(md).toContain('# Status report: Test plan');
    expect(md).toContain('## Annex: Measures not reported');
    expect(md).toContain('### Measure 2: Safe places');
  });
});

/** Just enough RFC 4180 to read the file back: quoted fields, doubled quotes, CRLF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}
