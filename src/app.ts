import { type App, HTTPReceiver, SocketModeReceiver } from '@slack/bolt';
import type { Server } from 'node:http';
import type { Deps } from './deps.js';
import { boltLogger } from './logger.js';
import { slackClientOptions } from './slack/client-options.js';
import { healthRoute, serveHealth, type HealthProbe } from './slack/health.js';
import { registerListeners } from './slack/listeners.js';
import { RequestScope } from './slack/request-context.js';
import { GatedApp, SlackStatus } from './slack/starting-gate.js';

export interface TiltakApp {
  app: App;
  /** Marked reachable once auth.test succeeds; until then requests get "starting" and /healthz 503. */
  slackStatus: SlackStatus;
  /** The HTTP server once listening: the receiver's, or in Socket Mode the health port's (tests read its port). */
  server(): Server | undefined;
  /** Opens the port at once, before Slack has answered. */
  listen(): Promise<void>;
  /** After auth.test: opens the socket in Socket Mode; nothing in HTTP mode. */
  connect(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Builds the Bolt app: HTTP receiver on POST /slack/events by default, Socket
 * Mode when SLACK_APP_TOKEN is set. Initialisation (auth.test) is deferred, so
 * the caller decides how to retry an unreachable Slack.
 */
export function createTiltakApp(deps: Deps, db: HealthProbe, requestScope = new RequestScope()): TiltakApp {
  const { config } = deps;
  const clientOptions = slackClientOptions(config);
  const logger = boltLogger(deps.logger);
  const socketMode = config.SLACK_APP_TOKEN !== undefined;
  const slackStatus = new SlackStatus();
  const health = healthRoute(db, socketMode ? 'socket' : 'http', slackStatus);
  let httpServer: Server | undefined;
  const receiver = socketMode
    ? new SocketModeReceiver({
        appToken: config.SLACK_APP_TOKEN as string,
        logger,
        installerOptions: { clientOptions },
      })
    : new HTTPReceiver({
        signingSecret: config.SLACK_SIGNING_SECRET as string,
        endpoints: '/slack/events',
        logger,
        customRoutes: [health],
        unhandledRequestTimeoutMillis: 3_001,
      });
  const app = new GatedApp(slackStatus, deps.logger, {
    token: config.SLACK_BOT_TOKEN,
    receiver,
    logger,
    clientOptions,
    deferInitialization: true,
    extendedErrorHandler: false,
  });
  registerListeners(app, deps, requestScope);
  return {
    app,
    slackStatus,
    server: () => httpServer,
    async listen() {
      // Not app.start(): Bolt refuses to start before init, and init needs Slack.
      httpServer =
        receiver instanceof HTTPReceiver ? await receiver.start(config.PORT) : await serveHealth(health, config.PORT);
    },
    async connect() {
      if (receiver instanceof SocketModeReceiver) await receiver.start();
    },
    async stop() {
      await app.stop();
      const healthServer = receiver instanceof SocketModeReceiver ? httpServer : undefined;
      if (healthServer !== undefined) await new Promise((resolve) => healthServer.close(resolve));
    },
  };
}
