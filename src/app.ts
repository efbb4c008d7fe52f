import type { Server } from 'node:http';
import { commandModules } from '../commands/index.js';
import type { BackgroundTasks } from './kernel/background.js';
import { type Clock, systemClock } from './kernel/clock.js';
import type { Deps } from './kernel/deps.js';
import { boltLogger } from './kernel/logger.js';
import { slackClientOptions } from './kernel/slack/client-options.js';
import { HttpEdgeReceiver } from './kernel/slack/edge/http-receiver.js';
import { createReplayStore } from './kernel/slack/edge/replay-store.js';
import { SocketEdgeReceiver } from './kernel/slack/edge/socket-receiver.js';
import { type HealthProbe, healthRoute } from './kernel/slack/health.js';
import { RequestScope, type TiltakBolt } from './kernel/slack/request-context.js';
import { GatedApp, SlackStatus } from './kernel/slack/starting-gate.js';
import { registerListeners } from './listeners.js';

export interface TiltakApp {
  app: TiltakBolt;
  /** Marked reachable once auth.test succeeds; until then requests get "starting" and /healthz 503. */
  slackStatus: SlackStatus;
  /** The HTTP server once listening: Slack's requests in HTTP mode, /healthz in both (tests read its port). */
  server(): Server | undefined;
  /** Opens the port at once, before Slack has answered. */
  listen(): Promise<void>;
  /** After auth.test: opens the socket in Socket Mode; nothing in HTTP mode. */
  connect(): Promise<void>;
  stop(): Promise<void>;
}

export interface TiltakAppOptions {
  /**
   * Wall time for the Slack edge (the signature window and the replay
   * memory), apart from deps.clock, which is the plan's time and may be set
   * to another year. Default: the system clock.
   */
  wallClock?: Clock;
  /** The process's request scope (src/main.ts reads it when something crashes). */
  requestScope?: RequestScope;
}

/**
 * Builds the Bolt app: HTTP on POST /slack/events by default, Socket Mode
 * when SLACK_APP_TOKEN is set. Either way our own receiver guards every
 * request before Bolt sees it (src/slack/edge). Initialisation (auth.test)
 * is deferred, so the caller decides how to retry an unreachable Slack.
 */
export function createTiltakApp(
  deps: Deps,
  db: HealthProbe,
  background: BackgroundTasks,
  options: TiltakAppOptions = {},
): TiltakApp {
  const { config } = deps;
  const clientOptions = slackClientOptions(config);
  const logger = boltLogger(deps.logger);
  const wallClock = options.wallClock ?? systemClock;
  const socketMode = config.SLACK_APP_TOKEN !== undefined;
  const slackStatus = new SlackStatus();
  const routes = [healthRoute(db, socketMode ? 'socket' : 'http', slackStatus)];
  const replay = createReplayStore(deps.prisma, wallClock, { logger: deps.logger });
  // While Slack is unreachable a command's ack carries the "starting" text, so it waits for the gate.
  // A command the bot does not have is answered 400 by the edge, after Bolt finds no listener.
  const commands = new Set<string>(commandModules.map((c) => c.definition.command));
  const ackAtOnce = (inbound: { kind: string; type?: string; command?: string }) =>
    inbound.kind === 'event' ||
    (inbound.kind === 'interaction' && inbound.type === 'block_actions') ||
    (inbound.kind === 'command' && slackStatus.reachable && commands.has(inbound.command ?? ''));
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
        ackAtOnce,
        inFlight: background,
      })
    : new HttpEdgeReceiver({
        signingSecret: config.SLACK_SIGNING_SECRET as string,
        logger: deps.logger,
        routes,
        replay,
        wallClock,
        ackAtOnce,
        inFlight: background,
      });
  const app = new GatedApp(slackStatus, deps.logger, {
    token: config.SLACK_BOT_TOKEN,
    receiver,
    logger,
    clientOptions,
    deferInitialization: true,
    extendedErrorHandler: false,
  });
  registerListeners(app, deps, options.requestScope ?? new RequestScope(), background);
  let httpServer: Server | undefined;
  return {
    app,
    slackStatus,
    server: () => httpServer,
    async listen() {
      // Clears claims that expired while the bot was down, and warms the table before the first ack waits on it.
      void replay
        .prune()
        .catch((error: unknown) => deps.logger.warn({ err: error }, 'could not prune expired replay claims'));
      // Not app.start(): Bolt refuses to start before init, and init needs Slack.
      httpServer =
        receiver instanceof HttpEdgeReceiver ? await receiver.start(config.PORT, config.HOST) : await receiver.listen();
    },
    async connect() {
      if (receiver instanceof SocketEdgeReceiver) await receiver.connect();
    },
    async stop() {
      await app.stop();
    },
  };
}
