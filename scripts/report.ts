import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import {
  exportArgsProblem,
  loadReport,
  parseExportArgs,
  renderReport,
  reportPeriod,
} from '../src/features/reports/index.js';
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
    const data = await loadReport(db.prisma, { from, to, timeZone: config.TZ_PLAN, generatedAt: now });
    if (data === null) return 1;
    const file = await renderReport(data, parsed.format, lang, config.TZ_PLAN);
    if (values.out === '-') process.stdout.write(file.bytes);
    else {
      await writeFile(values.out, file.bytes);
      console.error(
        `Wrote ${values.out} (${file.bytes.length} bytes, ${data.versions.length} update versions, ${from} to ${to}).`,
      );
    }
    return 0;
  } finally {
    await db.close();
  }
});
