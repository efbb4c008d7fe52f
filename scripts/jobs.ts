import { parseArgs } from 'node:util';
import { allJobs } from '../src/jobs.js';
import { ManualClock } from '../src/kernel/clock.js';
import { loadConfig } from '../src/kernel/config.js';
import { runCli } from '../src/kernel/db/cli-database.js';
import { openDatabase, parseDatabaseUrl } from '../src/kernel/db/open-database.js';
import { runJobs } from '../src/kernel/jobs/scheduler.js';
import { createLogger } from '../src/kernel/logger.js';
import { slackClientFor } from '../src/kernel/slack/client-options.js';

/** `npm run jobs -- --at <instant> [--dry-run]`: runs what the scheduler would run at that instant. */
await runCli(async () => {
  const { values } = parseArgs({ options: { at: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } } });
  const at = values.at === undefined ? new Date() : new Date(values.at);
  if (Number.isNaN(at.getTime())) {
    console.error('--at must be an ISO-8601 instant, e.g. 2004-03-01T09:00:00+01:00');
    return 2;
  }
  const dryRun = values['dry-run'] ?? false;
  const config = loadConfig({
    SLACK_BOT_TOKEN: dryRun ? 'xoxb-dry-run' : undefined,
    SLACK_SIGNING_SECRET: '-',
    ...process.env,
  });
  const logger = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL, process.stderr);
  const db = await openDatabase(parseDatabaseUrl(config.DATABASE_URL));
  try {
    const deps = { prisma: db.prisma, config, logger, clock: new ManualClock(at) };
    const reports = await runJobs(deps, slackClientFor(config), allJobs(), at, dryRun);
    console.log(`${dryRun ? 'Would run' : 'Ran'} jobs at ${at.toISOString()}:`);
    for (const report of reports) {
      console.log(report.lines.length === 0 ? `${report.job}: nothing due` : `${report.job}:`);
      for (const line of report.lines) console.log(`  ${line}`);
    }
    return 0;
  } finally {
    await db.close();
  }
});
