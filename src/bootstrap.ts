import type { WebClient } from '@slack/web-api';
import { createTiltakApp, type TiltakApp } from './app.js';
import { firstRunAdmins } from './features/admin/index.js';
import { importPlanIfEmpty } from './features/plan/index.js';
import { allJobs } from './jobs.js';
import { BackgroundTasks } from './kernel/background.js';
import { type Clock, systemClock } from './kernel/clock.js';
import { type Config, loadConfig } from './kernel/config.js';
import { type RunningChangeFeed, startChangeFeed } from './kernel/db/change-feed.js';
import { type Database, openDatabase, parseDatabaseUrl } from './kernel/db/open-database.js';
import { ReferenceCache } from './kernel/db/reference-cache.js';
import type { Deps } from './kernel/deps.js';
import { RecentLanguages } from './kernel/i18n/recent-languages.js';
import type { Job } from './kernel/jobs/job.js';
import { type Scheduler, startScheduler } from './kernel/jobs/scheduler.js';
import { createLogger, type Logger } from './kernel/logger.js';
import { type ConnectStep, connectWithRetry } from './kernel/slack/init-with-retry.js';
import type { RequestScope } from './kernel/slack/request-context.js';

export interface StartOptions {
  env: Record<string, string | undefined>;
  /** An already open database (tests); otherwise DATABASE_URL decides. */
  db?: Database;
  /** The plan's time: schedules, due dates, "now" in what users see. */
  clock?: Clock;
  /** Wall time for the Slack edge (signature window, replay memory); default the system clock. */
  wallClock?: Clock;
  logger?: Logger;
  jobs?: Job[];
  /** The process's request scope (src/main.ts reads it when something crashes). */
  requestScope?: RequestScope;
}

export interface Running {
  deps: Deps;
  db: Database;
  tiltak: TiltakApp;
  slack: WebClient;
  /** Started once Slack is reachable (null before that, or with JOBS_ENABLED=false). */
  readonly scheduler: Scheduler | null;
  /** What runs after an ack; stop() waits for it, and so may a test. */
  readonly background: BackgroundTasks;
  /** The port the HTTP server listens on (Slack's requests in HTTP mode, /healthz in both). */
  port: number;
  /**
   * Resolves once Slack has answered auth.test (at once, unless Slack was
   * unreachable at start). Rejects with TokenRejectedError if Slack refuses a
   * token, even long after the port opened: the caller must stop then.
   */
  slackReady: Promise<void>;
  stop(): Promise<void>;
}

/**
 * The whole start sequence, as `npm start` runs it and the end-to-end tests
 * drive it. The port opens first, so /healthz can say what is wrong; then
 * auth.test. If Slack is reachable this returns connected; if not, it returns
 * after the first try and keeps trying in the background. The scheduler waits
 * for Slack: every job sends through it, and a tick against an unreachable
 * Slack would only push each reminder into its back-off.
 */
export async function startTiltak(options: StartOptions): Promise<Running> {
  const config: Config = loadConfig(options.env);
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  const db = options.db ?? (await openDatabase(parseDatabaseUrl(config.DATABASE_URL), {}, logger));
  const ownsDb = options.db === undefined;
  let tiltak: TiltakApp | undefined;
  let changes: RunningChangeFeed | null = null;
  const stopping = new AbortController();
  try {
    await importPlanIfEmpty(db.prisma, config.PLAN_FILE, logger);
    const clock = options.clock ?? systemClock;
    await firstRunAdmins(db.prisma, config.TILTAK_ADMINS, clock.now(), logger);
    changes = await startChangeFeed(db.listen, db.schema, logger);
    const deps: Deps = {
      prisma: db.prisma,
      config,
      logger,
      clock,
      languages: new RecentLanguages(),
      changes,
      reference: new ReferenceCache(changes),
    };
    const background = new BackgroundTasks(logger);
    const app = createTiltakApp(deps, db, background, {
      wallClock: options.wallClock ?? systemClock,
      requestScope: options.requestScope,
    });
    tiltak = app;
    await app.listen();
    const address = app.server()?.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    const mode = config.SLACK_APP_TOKEN ? 'socket' : 'http';
    logger.info({ port, mode, database: db.target.kind }, 'listening; connecting to Slack');

    const slack = app.app.client;
    const steps: ConnectStep[] = [{ method: 'auth.test', token: 'SLACK_BOT_TOKEN', run: () => app.app.init() }];
    if (mode === 'socket') {
      steps.push({ method: 'apps.connections.open', token: 'SLACK_APP_TOKEN', run: () => app.connect() });
    }
    const connection = connectWithRetry(steps, logger, { apiUrl: slack.slackApiUrl, signal: stopping.signal });
    let scheduler: Scheduler | null = null;
    const slackReady = connection.ready.then(() => {
      app.slackStatus.markReachable();
      if (config.JOBS_ENABLED) {
        scheduler = startScheduler(deps, slack, options.jobs ?? allJobs());
        // Catch up on whatever fell due while the bot was down.
        void scheduler.tick();
      }
      logger.info({ port, mode, database: db.target.kind }, 'Tiltak is running');
    });
    // Observed by the caller through `slackReady`; this only keeps a late rejection from being "unhandled".
    slackReady.catch(() => undefined);
    if (await connection.firstAttempt) await slackReady;

    return {
      deps,
      db,
      tiltak: app,
      slack,
      get scheduler() {
        return scheduler;
      },
      background,
      port,
      slackReady,
      async stop() {
        stopping.abort();
        await scheduler?.stop();
        await app.stop();
        await background.idle();
        deps.reference?.close();
        await changes?.close();
        if (ownsDb) await db.close();
      },
    };
  } catch (error) {
    stopping.abort();
    await tiltak?.stop().catch(() => undefined);
    await changes?.close().catch(() => undefined);
    if (ownsDb) await db.close();
    throw error;
  }
}
