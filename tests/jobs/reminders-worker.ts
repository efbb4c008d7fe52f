// One bot instance for the three-process test: reads an instant per line on
// stdin, runs what the scheduler would run at it (the reminders job through
// runJobs, as `npm run jobs -- --at` does) and answers one JSON line.
import { createInterface } from 'node:readline';
import { remindersJob } from '../../src/features/reminders/jobs/reminders.js';
import { ManualClock } from '../../src/kernel/clock.js';
import { loadConfig } from '../../src/kernel/config.js';
import { openDatabase, parseDatabaseUrl } from '../../src/kernel/db/open-database.js';
import { runJobs } from '../../src/kernel/jobs/scheduler.js';
import { createLogger } from '../../src/kernel/logger.js';
import { slackClientOptions } from '../../src/kernel/slack/client-options.js';
import { GONE, WorkspaceClient } from './reminders-workspace-client.js';

const config = loadConfig(process.env);
const db = await openDatabase(parseDatabaseUrl(config.DATABASE_URL), { migrate: false });
const logger = createLogger('silent');
const slack = new WorkspaceClient(config.SLACK_BOT_TOKEN, slackClientOptions(config), GONE);
process.stdout.write('ready\n');
for await (const line of createInterface({ input: process.stdin })) {
  const at = new Date(line.trim());
  const [report] = await runJobs(
    { prisma: db.prisma, config, logger, clock: new ManualClock(at) },
    slack,
    [remindersJob()],
    at,
  );
  process.stdout.write(`${JSON.stringify({ at: line.trim(), lines: report?.lines ?? [] })}\n`);
}
await db.close();
