import { App } from '@slack/bolt';
import type { Server } from 'node:http';
import { systemClock, type Clock } from './clock.js';
import type { Deps } from './deps.js';
import { boltLogger } from './logger.js';
import { createReplayStore } from './services/replay-store.js';
import { slackClientOptions } from './slack/client-options.js';
import { HttpEdgeReceiver } from './slack/edge/http-receiver.js';
import { SocketEdgeReceiver } from './slack/edge/socket-receiver.js';
import { healthRoute, type HealthProbe } from './slack/health.js';
import { registerListeners } from './slack/listeners.js';

export interface TiltakApp {
  app: App;
  /** The HTTP server once started: Slack's requests in HTTP mode, /healthz in both (tests read its port). */
  server(): Server | undefined;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface TiltakAppOptions {
  /**
   * Wall time for the Slack edge (the signature window and the replay
   * memory), apart from deps.clock, which is the plan's time and may be set
   * to another year. Default: the system clock.
   */
  wallClock?: Clock;
}

/**
 * Builds the Bolt app: HTTP on POST /slack/events by default, Socket Mode
 * when SLACK_APP_TOKEN is set. Either way our own receiver guards every
 * request before Bolt sees it (src/slack/edge). Initialisation (auth.test)
 * is deferred, so the caller decides how to retry an unreachable Slack.
 */
export function createTiltakApp(deps: Deps, db: HealthProbe, options: TiltakAppOptions = {}): TiltakApp {
  const { config } = deps;
  const clientOptions = slackClientOptions(config);
  const logger = boltLogger(deps.logger);
  const wallClock = options.wallClock ?? systemClock;
  const socketMode = config.SLACK_APP_TOKEN !== undefined;
  const routes = [healthRoute(db, socketMode ? 'socket' : 'http')];
  const replay = createReplayStore(deps.prisma, wallClock, { logger: deps.logger });
  const receiver = socketMode
    ? new SocketEdgeReceiver({
        appToken: config.SLACK_APP_TOKEN as string,
        logger: deps.logger,
        boltLogger: logger,
        clientOptions,
        routes,
        port: config.PORT,
        replay,
        wallClock,
      })
    : new HttpEdgeReceiver({ signingSecret: config.SLACK_SIGNING_SECRET as string, logger: deps.logger, routes, replay, wallClock });
  const app = new App({
    token: config.SLACK_BOT_TOKEN,
    receiver,
    logger,
    clientOptions,
    deferInitialization: true,
    extendedErrorHandler: false,
  });
  registerListeners(app, deps);
  let httpServer: Server | undefined;
  return {
    app,
    server: () => httpServer,
    async start() {
      // Clears claims that expired while the bot was down, and warms the table before the first ack waits on it.
      void replay.prune().catch((error: unknown) => deps.logger.warn({ err: error }, 'could not prune expired replay claims'));
      httpServer = (await app.start(config.PORT)) as Server;
    },
    async stop() {
      await app.stop();
    },
  };
}
