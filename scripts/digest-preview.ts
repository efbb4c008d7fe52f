import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import {
  buildDigest,
  renderDigestChart,
  renderDigestText,
  resolveDigestRequest,
} from '../src/features/digests/index.js';
import { loadConfig } from '../src/kernel/config.js';
import { openCliDatabase, runCli } from '../src/kernel/db/cli-database.js';

const USAGE =
  'Usage: npm run digest:preview -- --area <n> [--week <2004-W09 | 9>] [--at <ISO instant>] [--lang nb|en] [--chart <file.png>]';

/**
 * Prints a focus area's weekly digest as the bot would post it, from the
 * local database, with no Slack workspace. Without --week: this week so far.
 */
await runCli(async () => {
  const { values } = parseArgs({
    options: {
      area: { type: 'string' },
      week: { type: 'string' },
      at: { type: 'string' },
      lang: { type: 'string', default: 'nb' },
      chart: { type: 'string' },
    },
  });
  const at = values.at === undefined ? new Date() : new Date(values.at);
  const lang = values.lang === 'en' ? 'en' : values.lang === 'nb' ? 'nb' : null;
  if (values.area === undefined || Number.isNaN(at.getTime()) || lang === null) {
    console.error(USAGE);
    return 2;
  }
  // Only the plan's time zone and due settings are needed; no Slack tokens.
  const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-offline', SLACK_SIGNING_SECRET: '-', ...process.env });
  const db = await openCliDatabase(process.env);
  try {
    const args = values.week === undefined ? [values.area] : [values.area, values.week];
    const request = await resolveDigestRequest(db.prisma, args, at, config.TZ_PLAN);
    if (request.kind !== 'ok') {
      const areas = 'areas' in request ? request.areas.map((a) => `${a.number} ${a.titleNb}`).join(', ') : '';
      console.error(
        request.kind === 'bad-week'
          ? `--week: not a week: ${request.given}`
          : request.kind === 'future-week'
            ? `${request.week} has not started`
            : `No focus area ${values.area}. Areas: ${areas || 'none (import a plan first)'}`,
      );
      return 2;
    }
    const digest = await buildDigest(db.prisma, config, request.area.id, request.period);
    process.stdout.write(
      renderDigestText(digest, lang, config.TZ_PLAN, request.area.channel ?? config.COORDINATOR_CHANNEL ?? null),
    );
    if (values.chart !== undefined) {
      const chart = await renderDigestChart(digest, lang);
      await writeFile(values.chart, chart.png);
      console.error(`Wrote the chart to ${values.chart} (${chart.png.length} bytes).`);
    }
    return 0;
  } finally {
    await db.close();
  }
});
