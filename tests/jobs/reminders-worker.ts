// One bot instance for the three-process test: reads an instant per line on
// stdin, runs what the scheduler would run at it (the reminders job through
// runJobs, as `npm run jobs -- --at` does) and answers one JSON line.
import { createInterface } from 'node:readline';
import { ManualClock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import { openDatabase, parseDatabaseUrl } from '../../src/db/open-database.js';
import { remindersJob } from '../../src/jobs/reminders.js';
import { runJobs } from '../../src/jobs/scheduler.js';
import { createLogger } from '../../src/logger.js';
import { slackClientOptions } from '../../src/slack/client-options.js';
import { GONE, WorkspaceClient } from './reminders-workspace-client.js';

const config = loadConfig(process.env);
const db = await openDatabase(parseDatabaseUrl(config.DATABASE_URL), { migrate: false });
const logger = createLogger('silent');
const slack = new WorkspaceClient(config.SLACK_BOT_TOKEN, slackClientOptions(config), GONE);
process.stdout.write('ready\n');
for await (const line of createInterface({ input: process.stdin })) {
  const at = new Date(line.trim());
  const [report] = await runJobs({ prisma: db.prisma, config, logger, clock: new ManualClock(at) }, slack, [remindersJob()], at);
  process.stdout.write(`${JSON.stringify({ at: line.trim(), lines: report?.lines ?? [] })}\n`);
}
await db.close();
