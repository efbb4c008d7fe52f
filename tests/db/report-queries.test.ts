import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderCsv } from '../../src/features/reports/csv.js';
import { reportBlocks } from '../../src/features/reports/document.js';
import { loadReportOutline } from '../../src/features/reports/load-outline.js';
import { renderMarkdown } from '../../src/features/reports/markdown.js';
import type { ReportOutline } from '../../src/features/reports/model.js';
import { ReportEntries } from '../../src/features/reports/read-entries.js';
import { versionPages } from '../../src/features/reports/read-versions.js';
import type { ReportFormat } from '../../src/features/reports/write-report.js';
import { type CountingDatabase, openCountingDatabase } from '../jobs/digest-counting-db.js';
import { addUpdates } from '../jobs/digest-support.js';
import { seedPlan } from '../support/harness.js';
import { usesPostgres } from '../support/test-database.js';
import { reportBytes } from './report-bytes.js';

const REQUEST = {
  from: '2004-01-01',
  to: '2004-06-30',
  timeZone: 'Europe/Oslo',
  generatedAt: new Date('2004-07-01T09:00:00+02:00'),
};
const GROWN_BY = 3_000;

let db: CountingDatabase;
beforeAll(async () => {
  db = await openCountingDatabase();
  await seedPlan(db);
  await addUpdates(db.prisma, [
    {
      measure: 1,
      agency: 'JD',
      author: 'U0KARI01',
      status: 'ON_TRACK',
      done: 'Første.',
      at: '2004-02-24T10:00:00+01:00',
      seriesId: 's-1',
      version: 1,
    },
    {
      measure: 1,
      agency: 'JD',
      author: 'U0KARI01',
      status: 'ON_TRACK',
      done: 'Første, rettet.',
      at: '2004-02-25T10:00:00+01:00',
      seriesId: 's-1',
      version: 2,
    },
    {
      measure: 2,
      agency: 'BFD',
      author: 'U0OLA001',
      status: 'AT_RISK',
      done: 'Andre.',
      challenges: 'Penger.',
      at: '2004-03-10T10:00:00+01:00',
    },
  ]);
}, 120_000);
afterAll(async () => {
  await db?.close();
});

/** 3,000 more updates over the half year, on measures 1 and 2, a third of them with challenges and some edited twice. */
async function growUpdates(): Promise<void> {
  await db.runner.session(async (c) => {
    await c.exec(`
      INSERT INTO "Update" ("seriesId", version, "measureId", "agencyId", "authorId", status, done, challenges, "periodDate", "createdAt")
        SELECT 'grow-' || (n / 2), 1 + n % 2, m.id, a.id, (SELECT min(id) FROM "Person"), 'ON_TRACK', 'Gjort ' || n,
          CASE WHEN n % 3 = 0 THEN 'Utfordring ' || n END,
          '2004-03-01', timestamp '2004-01-02 10:00' + n * interval '1 hour'
        FROM generate_series(0, ${GROWN_BY - 1}) n
        JOIN "Measure" m ON m.number = 1 + n % 4 / 2
        JOIN "Agency" a ON a.code = 'JD';
    `);
  });
}

async function queriesOf(format: ReportFormat, pageSize?: number): Promise<number> {
  db.resetCount();
  await reportBytes(db.prisma, REQUEST, format, 'nb', pageSize === undefined ? {} : { pageSize });
  return db.queries();
}

/** The same report from the pure renderers, with everything read at once: what the streamed file must equal. */
async function readAtOnce(outline: ReportOutline): Promise<{ md: string; csv: string }> {
  const reader = new ReportEntries(
    db.prisma,
    outline.window,
    outline.areas.flatMap((a) => a.measures),
    1_000_000,
  );
  const blocks = [];
  for await (const b of reportBlocks(outline, (x, c) => reader.of(x, c), 'nb', REQUEST.timeZone)) blocks.push(b);
  const rows = [];
  for await (const page of versionPages(db.prisma, outline.window, 1_000_000)) rows.push(...page);
  return { md: renderMarkdown(blocks), csv: renderCsv(rows) };
}

describe(`the status report's queries on ${usesPostgres() ? 'PostgreSQL' : 'PGlite'}`, () => {
  it('stay the same in every format when the period holds 3,000 more updates, and follow the page size', async () => {
    const small = { csv: await queriesOf('csv'), md: await queriesOf('md'), docx: await queriesOf('docx') };
    const outline = await queriesOf('csv', 1_000_000);
    await growUpdates();
    const grown = { csv: await queriesOf('csv'), md: await queriesOf('md'), docx: await queriesOf('docx') };
    expect(grown).toEqual(small);
    // The outline's own queries, and one page beyond it: a fixed number, whatever the plan.
    expect(small.csv).toBe(outline);
    expect(small.md).toBe(outline);

    // In pages of 100 rows: the versions take one query per page, the entries at most two (their challenges).
    // A query that comes back short is the last; 3,003 rows take 31.
    const pages = Math.floor((GROWN_BY + 3) / 100) + 1;
    expect(await queriesOf('csv', 100)).toBe(outline - 1 + pages);
    const md = await queriesOf('md', 100);
    expect(md).toBeGreaterThan(outline);
    expect(md).toBeLessThanOrEqual(outline + 2 * pages + 2);
  }, 120_000);

  it('write the same Markdown and CSV in pages of 97 rows as all at once', async () => {
    const outline = await loadReportOutline(db.prisma, REQUEST);
    if (outline === null) throw new Error('no plan');
    const whole = await readAtOnce(outline);
    const paged = {
      md: (await reportBytes(db.prisma, REQUEST, 'md', 'nb', { pageSize: 97 })).bytes.toString('utf8'),
      csv: (await reportBytes(db.prisma, REQUEST, 'csv', 'nb', { pageSize: 97 })).bytes.toString('utf8'),
    };
    expect(paged.md).toBe(whole.md);
    expect(paged.csv).toBe(whole.csv);
    expect(paged.md).toContain('> Første, rettet.');
    expect(paged.md).not.toContain('> Første.\n');
    expect(paged.csv.split('\r\n').length).toBeGreaterThan(GROWN_BY);
  }, 120_000);
});
