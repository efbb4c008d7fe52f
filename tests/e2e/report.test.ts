import { beforeEach, describe, expect, it } from 'vitest';
import { addUpdates } from '../jobs/digest-support.js';
import { useHarness } from '../support/lifecycle.js';
import { paragraphsWithStyle, readZip } from '../unit/report-zip-reader.js';

const h = useHarness({ now: '2004-03-01T09:00:00+01:00' });
beforeEach(async () => {
  await addUpdates(h.db.prisma, [
    {
      measure: 2,
      agency: 'JD',
      author: 'U0KARI01',
      status: 'AT_RISK',
      done: 'Avtale med tre krisesentre.',
      challenges: 'Finansieringen for 2005.',
      at: '2004-02-25T11:00:00+01:00',
    },
  ]);
});

async function exportReport(user: string, text: string, posts: number): Promise<string[]> {
  const before = h.fake.responses.length;
  const res = await h.command(user, text, '/rapport');
  expect(res.status).toBe(200);
  expect(res.ms).toBeLessThan(3000);
  await h.fake.waitFor(() => h.fake.responses.length >= before + posts, 20_000);
  return h.fake.responses.slice(before).map((r) => String((r.body as { text?: unknown }).text));
}

describe('/rapport eksport', () => {
  it('uploads the report for a period to the coordinator’s DM, in Markdown on request', async () => {
    const replies = await exportReport('U0KOORD1', 'eksport fra 2004-01-01 til 30.06.2004 format md', 2);
    expect(replies).toEqual([
      'Jeg lager rapporten og sender den til deg på DM …',
      'Rapporten statusrapport-2004-01-01-2004-06-30.md er sendt til deg på DM.',
    ]);
    const [file] = h.fake.files;
    expect(file).toMatchObject({
      completed: true,
      channel_id: 'DU0KOORD1',
      filename: 'statusrapport-2004-01-01-2004-06-30.md',
    });
    expect(file?.initial_comment).toBe('Statusrapport for 1. januar–30. juni 2004.');
    const md = file?.bytes?.toString('utf8') ?? '';
    expect(md).toContain('# Statusrapport: Testplan');
    expect(md).toContain('> Finansieringen for 2005.\n>\n> — JD, Kari Nordmann, 25. februar 2004');
    expect(md).toContain('- Tiltak 1: Flyktningstatus (JD)');
  });

  it('makes a DOCX from the plan’s start to today by default, with real headings', async () => {
    await exportReport('U0KOORD1', 'eksport', 2);
    const [file] = h.fake.files;
    expect(file?.filename).toBe('statusrapport-2004-01-01-2004-03-01.docx');
    const xml =
      readZip(file?.bytes ?? Buffer.alloc(0))
        .get('word/document.xml')
        ?.toString('utf8') ?? '';
    expect(paragraphsWithStyle(xml, 'Heading1')).toContain('Satsingsområde 1: Beskytte');
    expect(paragraphsWithStyle(xml, 'Heading2')).toContain('Tiltak 2: Trygge steder');
  });

  it('answers in English to the English alias with format csv', async () => {
    await h.db.prisma.person.update({ where: { slackId: 'U0KOORD1' }, data: { language: 'en' } });
    const replies = await exportReport('U0KOORD1', 'export from 2004-02-01 format csv', 2);
    expect(replies[1]).toBe('The report status-report-2004-02-01-2004-03-01.csv is in your DM.');
    expect(h.fake.files[0]?.bytes?.toString('utf8').split('\r\n')).toHaveLength(3);
  });

  it('refuses a contact person', async () => {
    const [reply] = await exportReport('U0KARI01', 'eksport', 1);
    expect(reply).toBe('Du har ikke tilgang til dette.');
    expect(h.fake.files).toHaveLength(0);
  });

  it('says what is wrong with a bad date, format or word, and uploads nothing', async () => {
    expect(await exportReport('U0KOORD1', 'eksport fra 2004-02-30', 1)).toEqual([
      '«2004-02-30» er ikke en dato. Skriv f.eks. 2004-06-30, 30.6.2004 eller 30.6.',
    ]);
    expect(await exportReport('U0KOORD1', 'eksport format pdf', 1)).toEqual([
      'Formatet «pdf» finnes ikke. Velg md, docx eller csv.',
    ]);
    expect(await exportReport('U0KOORD1', 'eksport alt', 1)).toEqual([
      'Jeg forstår ikke «alt». Bruk: `/rapport eksport [fra <dato>] [til <dato>] [format md|docx|csv]`',
    ]);
    expect(await exportReport('U0KOORD1', 'eksport fra 2004-03-05', 1)).toEqual(['Fra-datoen er etter til-datoen.']);
    expect(h.fake.files).toHaveLength(0);
  });

  it('tells the coordinator when Slack refuses the upload', async () => {
    h.fake.failNext('files.getUploadURLExternal', { status: 429, retryAfter: 30 });
    const replies = await exportReport('U0KOORD1', 'eksport format md', 2);
    expect(replies[1]).toBe('Jeg fikk ikke lastet opp rapporten til Slack. Prøv igjen om litt.');
  });

  it('is listed in /rapport hjelp', async () => {
    const [help] = await exportReport('U0KOORD1', 'hjelp', 1);
    expect(help).toContain('/rapport eksport [fra <dato>] [til <dato>] [format md|docx|csv]');
    expect(help).toContain('/rapport sammendrag [område] <nr> [uke]');
    expect(help).toContain('/rapport send [område] <nr>');
  });
});
