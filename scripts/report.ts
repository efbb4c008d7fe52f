import { createWriteStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { PassThrough, type Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { exportArgsProblem, parseExportArgs, reportPeriod, writeReport } from '../src/features/reports/index.js';
import { localDay } from '../src/kernel/calendar/calendar.js';
import { loadConfig } from '../src/kernel/config.js';
import { openCliDatabase, runCli } from '../src/kernel/db/cli-database.js';
import { messages } from '../src/kernel/i18n/index.js';

const USAGE =
  'Usage: npm run report -- [--from <date>] [--to <date>] [--format md|docx|csv] --out <file | -> [--lang nb|en]';

/** The status report offline, as /rapport eksport builds it: from the plan's start to today unless told. */
await runCli(async () => {
  const { values } = parseArgs({
    options: {
      from: { type: 'string' },
      to: { type: 'string' },
      format: { type: 'string', default: 'docx' },
      out: { type: 'string' },
      lang: { type: 'string', default: 'nb' },
    },
  });
  const lang = values.lang === 'en' ? 'en' : values.lang === 'nb' ? 'nb' : null;
  const words = [
    ...(values.from ? ['fra', values.from] : []),
    ...(values.to ? ['til', values.to] : []),
    'format',
    values.format ?? 'docx',
  ];
  const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-offline', SLACK_SIGNING_SECRET: '-', ...process.env });
  const now = new Date();
  const parsed = parseExportArgs(words, localDay(now, config.TZ_PLAN));
  if (values.out === undefined || lang === null || parsed.kind !== 'ok') {
    if (parsed.kind !== 'ok') console.error(exportArgsProblem(messages(lang ?? 'en'), parsed));
    console.error(USAGE);
    return 2;
  }
  if (parsed.format === 'docx' && values.out === '-') {
    console.error('A DOCX file cannot go to stdout; give --out report.docx');
    return 2;
  }
  const db = await openCliDatabase(process.env);
  try {
    const period = await reportPeriod(db.prisma, parsed, now, config.TZ_PLAN);
    if (period === null) {
      console.error('No plan in the database: run npm run plan:import first.');
      return 1;
    }
    const { from, to } = period;
    const toFile = values.out !== '-';
    // The report is written as it is read; stdout itself is never ended, so it goes through a pass-through.
    const out: Writable = toFile ? createWriteStream(values.out) : new PassThrough();
    if (out instanceof PassThrough) out.pipe(process.stdout, { end: false });
    const request = { from, to, timeZone: config.TZ_PLAN, generatedAt: now };
    const result = await writeReport(db.prisma, request, parsed.format, lang, out);
    if (result.kind !== 'written') {
      out.destroy();
      if (toFile) await rm(values.out, { force: true });
      console.error('No plan in the database.');
      return 1;
    }
    if (toFile) {
      const { size } = await stat(values.out);
      console.error(`Wrote ${values.out} (${size} bytes, ${result.versions} update versions, ${from} to ${to}).`);
    }
    return 0;
  } finally {
    await db.close();
  }
});
