import type { Server } from 'node:http';
import { App, HTTPReceiver, type Receiver, SocketModeReceiver } from '@slack/bolt';
import type { BackgroundTasks } from './kernel/background.js';
import type { Deps } from './kernel/deps.js';
import { boltLogger } from './kernel/logger.js';
import { slackClientOptions } from './kernel/slack/client-options.js';
import { type HealthProbe, healthRoute } from './kernel/slack/health.js';
import { registerListeners } from './listeners.js';

export interface TiltakApp {
  app: App;
  /** The HTTP server once started in HTTP mode (tests read its port). */
  server(): Server | undefined;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Builds the Bolt app: HTTP receiver on POST /slack/events by default, Socket
 * Mode when SLACK_APP_TOKEN is set. Initialisation (auth.test) is deferred, so
 * the caller decides how to retry an unreachable Slack.
 */
export function createTiltakApp(deps: Deps, db: HealthProbe, background: BackgroundTasks): TiltakApp {
  const { config } = deps;
  const clientOptions = slackClientOptions(config);
  const logger = boltLogger(deps.logger);
  const socketMode = config.SLACK_APP_TOKEN !== undefined;
  const health = healthRoute(db, socketMode ? 'socket' : 'http');
  let receiver: Receiver & { start: (...args: never[]) => Promise<unknown> };
  let httpServer: Server | undefined;
  if (socketMode) {
    receiver = new SocketModeReceiver({
      appToken: config.SLACK_APP_TOKEN as string,
      logger,
      customRoutes: [health],
      installerOptions: { clientOptions, port: config.PORT },
    });
  } else {
    receiver = new HTTPReceiver({
      signingSecret: config.SLACK_SIGNING_SECRET as string,
      endpoints: '/slack/events',
      logger,
      customRoutes: [health],
      unhandledRequestTimeoutMillis: 3_001,
    });
  }
  const app = new App({
    token: config.SLACK_BOT_TOKEN,
    receiver,
    logger,
    clientOptions,
    deferInitialization: true,
    extendedErrorHandler: false,
  });
  registerListeners(app, deps, background);
  return {
    app,
    server: () => httpServer,
    async start() {
      const started = await app.start(config.PORT);
      if (!socketMode) httpServer = started as Server;
    },
    async stop() {
      await app.stop();
    },
  };
}
