import { describe, expect, it } from 'vitest';
import { useHarness } from '../support/lifecycle.js';
import { readParagraphs } from '../unit/docx-paragraphs.js';
import { readZip } from '../unit/report-zip-reader.js';

const h = useHarness({ now: '2004-06-01T09:00:00+02:00' });

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

/**
 * 2,000 updates: the docx library, which held the whole document, needed more
 * than 16 MB of heap for them and such a period was refused. Streamed, the
 * DOCX has no such limit, so it comes like the Markdown.
 */
describe('/rapport eksport of a period with many updates', () => {
  it('uploads a DOCX with every quote and its attribution, in order', async () => {
    await manyUpdates();
    const replies = await exportReport('eksport fra 2004-01-01 til 2004-05-31');
    expect(replies).toEqual([
      'Jeg lager rapporten og sender den til deg på DM …',
      'Rapporten statusrapport-2004-01-01-2004-05-31.docx er sendt til deg på DM.',
    ]);
    const xml =
      readZip(h.fake.files[0]?.bytes ?? Buffer.alloc(0))
        .get('word/document.xml')
        ?.toString('utf8') ?? '';
    const attributions = readParagraphs(xml)
      .filter((p) => p.style === 'Quote' && p.text.startsWith('— '))
      .map((p) => p.text);
    // What was done and the challenges: each of the 2,000 updates is quoted twice.
    expect(attributions).toHaveLength(4000);
    expect(attributions[0]).toBe('— JD, Kari Nordmann, 5. januar 2004');
  }, 90_000);

  it('makes the same period as Markdown, in English too', async () => {
    await manyUpdates();
    await h.db.prisma.person.update({ where: { slackId: 'U0KOORD1' }, data: { language: 'en' } });
    const replies = await exportReport('export from 2004-01-01 to 2004-05-31 format md');
    expect(replies[1]).toBe('The report status-report-2004-01-01-2004-05-31.md is in your DM.');
    expect(h.fake.files[0]?.bytes?.toString('utf8').match(/^> — /gm)).toHaveLength(4000);
  }, 120_000);
});
