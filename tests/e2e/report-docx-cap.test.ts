import { describe, expect, it } from 'vitest';
import { useHarness } from '../support/lifecycle.js';

/** The DOCX builder may take 16 MB of heap here: the docx library needs far more for 2,000 quotes. */
const h = useHarness({ now: '2004-06-01T09:00:00+02:00', env: { REPORT_DOCX_MEMORY_MB: '16' } });

async function manyUpdates(): Promise<void> {
  await h.db.runner.session(async (c) => {
    await c.exec(`
      INSERT INTO "Update" ("seriesId", version, "measureId", "agencyId", "authorId", status, done, challenges, "periodDate", "createdAt")
        SELECT 'many-' || n, 1, (SELECT min(id) FROM "Measure"), (SELECT min(id) FROM "Agency"), (SELECT min(id) FROM "Person"),
          'ON_TRACK', repeat('Arbeidet gikk som planlagt. ', 8) || n, 'Forsinkelser hos en partner.',
          '2004-03-01', timestamp '2004-01-05 10:00' + n * interval '1 hour'
        FROM generate_series(1, 2000) n;
    `);
  });
}

async function exportReport(text: string): Promise<string[]> {
  const before = h.fake.responses.length;
  const res = await h.command('U0KOORD1', text, '/rapport');
  expect(res.status).toBe(200);
  await h.fake.waitFor(() => h.fake.responses.length >= before + 2, 60_000);
  return h.fake.responses.slice(before).map((r) => String((r.body as { text?: unknown }).text));
}

describe('/rapport eksport when the DOCX builder runs out of its memory', () => {
  it('tells the coordinator to pick a shorter period or md/csv, and uploads nothing', async () => {
    await manyUpdates();
    const replies = await exportReport('eksport fra 2004-01-01 til 2004-05-31');
    expect(replies).toEqual([
      'Jeg lager rapporten og sender den til deg på DM …',
      'Rapporten for 1. januar–31. mai 2004 ble for stor til å lage som Word-fil. Velg en kortere periode (f.eks. ett kvartal), eller be om den som `format md` eller `format csv`, som ikke har noen slik grense.',
    ]);
    expect(h.fake.files).toHaveLength(0);
  }, 90_000);

  it('still makes the same period as Markdown, which has no such limit, and says so in English too', async () => {
    await manyUpdates();
    await h.db.prisma.person.update({ where: { slackId: 'U0KOORD1' }, data: { language: 'en' } });
    const replies = await exportReport('export from 2004-01-01 to 2004-05-31 format md');
    expect(replies[1]).toBe('The report status-report-2004-01-01-2004-05-31.md is in your DM.');
    expect(h.fake.files[0]?.bytes?.toString('utf8').match(/^> — /gm)).toHaveLength(4000);
    const docx = await exportReport('export from 2004-01-01 to 2004-05-31');
    expect(docx[1]).toContain('is too large to build as a Word file. Choose a shorter period');
    expect(h.fake.files).toHaveLength(1);
  }, 120_000);
});
