import type { WebClient } from '@slack/web-api';
import { createTiltakApp, type TiltakApp } from './app.js';
import { importPlanIfEmpty } from './features/plan/index.js';
import { allJobs } from './jobs.js';
import { BackgroundTasks } from './kernel/background.js';
import { type Clock, systemClock } from './kernel/clock.js';
import { type Config, loadConfig } from './kernel/config.js';
import { type Database, openDatabase, parseDatabaseUrl } from './kernel/db/open-database.js';
import type { Deps } from './kernel/deps.js';
import type { Job } from './kernel/jobs/job.js';
import { type Scheduler, startScheduler } from './kernel/jobs/scheduler.js';
import { createLogger, type Logger } from './kernel/logger.js';
import { initWithRetry } from './kernel/slack/init-with-retry.js';

export interface StartOptions {
  env: Record<string, string | undefined>;
  /** An already open database (tests); otherwise DATABASE_URL decides. */
  db?: Database;
  clock?: Clock;
  logger?: Logger;
  jobs?: Job[];
}

export interface Running {
  deps: Deps;
  db: Database;
  tiltak: TiltakApp;
  slack: WebClient;
  scheduler: Scheduler | null;
  /** What runs after an ack; stop() waits for it, and so may a test. */
  background: BackgroundTasks;
  /** The port the HTTP receiver listens on (0 in Socket Mode). */
  port: number;
  stop(): Promise<void>;
}

/** The whole start sequence, as `npm start` runs it and the end-to-end tests drive it. */
export async function startTiltak(options: StartOptions): Promise<Running> {
  const config: Config = loadConfig(options.env);
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  const db = options.db ?? (await openDatabase(parseDatabaseUrl(config.DATABASE_URL)));
  const ownsDb = options.db === undefined;
  try {
    await importPlanIfEmpty(db.prisma, config.PLAN_FILE, logger);
    const deps: Deps = { prisma: db.prisma, config, logger, clock: options.clock ?? systemClock };
    const background = new BackgroundTasks(logger);
    const tiltak = createTiltakApp(deps, db, background);
    await initWithRetry(tiltak.app, logger);
    await tiltak.start();
    const slack = tiltak.app.client;
    const jobs = options.jobs ?? allJobs();
    const scheduler = config.JOBS_ENABLED ? startScheduler(deps, slack, jobs) : null;
    // Catch up on whatever fell due while the bot was down.
    if (scheduler !== null) void scheduler.tick();
    const address = tiltak.server()?.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    logger.info(
      { port, mode: config.SLACK_APP_TOKEN ? 'socket' : 'http', database: db.target.kind },
      'Tiltak is running',
    );
    return {
      deps,
      db,
      tiltak,
      slack,
      scheduler,
      background,
      port,
      async stop() {
        await scheduler?.stop();
        await tiltak.stop();
        await background.idle();
        if (ownsDb) await db.close();
      },
    };
  } catch (error) {
    if (ownsDb) await db.close();
    throw error;
  }
}
