import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { type Logger as BoltLogger, type Receiver, SocketModeReceiver } from '@slack/bolt';
import type { WebClientOptions } from '@slack/web-api';
import type { Clock } from '../../clock.js';
import type { Logger } from '../../logger.js';
import type { TiltakBolt } from '../request-context.js';
import { type AdmitDeps, admit } from './admit.js';
import { createEdgeServer, type EdgeRoute } from './edge-server.js';
import { type Surface, screenPayload } from './inbound.js';
import type { ReplayStore } from './replay-store.js';

export interface SocketEdgeOptions {
  /** See AdmitDeps.ackAtOnce. */
  ackAtOnce?: AdmitDeps['ackAtOnce'];
  /** See AdmitDeps.inFlight. */
  inFlight?: AdmitDeps['inFlight'];
  appToken: string;
  logger: Logger;
  boltLogger: BoltLogger;
  clientOptions: WebClientOptions;
  routes: EdgeRoute[];
  port: number;
  replay: ReplayStore;
  /** Wall time, for how long envelope and event ids are remembered. */
  wallClock: Clock;
}

const SURFACES = new Map<unknown, Surface>([
  ['slash_commands', 'command'],
  ['interactive', 'interaction'],
  ['events_api', 'events'],
]);
/** Slack redelivers an unacked envelope, and retries an event, within minutes; ids are remembered well past that. */
const ID_MEMORY_MS = 60 * 60 * 1000;
/**
 * What a refused envelope is rewritten to before the Socket Mode client sees
 * it: a type the client passes on as a plain `slack_event`, with the ack
 * function that the client alone can make.
 */
const REFUSED = 'tiltak_refused_envelope';

type SlackEventArgs = {
  ack: (response?: unknown) => Promise<void>;
  envelope_id: string;
  type: string;
  body: unknown;
  retry_num?: unknown;
  retry_reason?: unknown;
};
type Listener = (...args: unknown[]) => unknown;

/**
 * Socket Mode with the same guard as HTTP. Every message from the socket is
 * read here before the Socket Mode client gets it: the client itself throws
 * on some malformed envelopes (an events_api envelope without an event), and
 * a throw there is an unhandled rejection that ends the process. A refused
 * envelope is acked, so Slack does not deliver it again, and dropped.
 * GET /healthz is served on `port`, as in HTTP mode.
 */
export class SocketEdgeReceiver implements Receiver {
  private app: TiltakBolt | undefined;
  private server: Server | undefined;
  private connected = false;
  private readonly client: SocketModeReceiver['client'];

  constructor(private readonly options: SocketEdgeOptions) {
    // Bolt's receiver builds the client as Bolt configures it; only the client is kept, and its dispatch is ours.
    const bolt = new SocketModeReceiver({
      appToken: options.appToken,
      logger: options.boltLogger,
      installerOptions: { clientOptions: options.clientOptions },
    });
    this.client = bolt.client;
    // 'ws_message' is how the client's WebSocket hands it each frame.
    const clientReads = this.client.listeners('ws_message') as Listener[];
    this.client.removeAllListeners('ws_message');
    this.client.on('ws_message', (data: unknown, isBinary: unknown) => this.screen(data, isBinary, clientReads));
    this.client.removeAllListeners('slack_event');
    this.client.on('slack_event', (args: unknown) => {
      void this.dispatch(args);
    });
  }

  init(app: TiltakBolt): void {
    this.app = app;
  }

  async start(): Promise<Server> {
    const server = await this.listen();
    await this.connect();
    return server;
  }

  /** /healthz on `port`, from the start: before Slack has answered, the socket cannot open. */
  async listen(): Promise<Server> {
    const server = createEdgeServer({ logger: this.options.logger, routes: this.options.routes });
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.options.port, () => resolve());
    });
    return server;
  }

  async connect(): Promise<void> {
    await this.client.start();
    this.connected = true;
  }

  async stop(): Promise<void> {
    if (this.connected) await this.client.disconnect();
    this.connected = false;
    const server = this.server;
    this.server = undefined;
    if (server !== undefined) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private screen(data: unknown, isBinary: unknown, clientReads: Listener[]): void {
    const pass = (frame: unknown) => {
      for (const read of clientReads) {
        Promise.resolve()
          .then(() => read(frame, isBinary))
          .catch((error: unknown) =>
            this.options.logger.error({ err: error }, 'the Socket Mode client failed on a message'),
          );
      }
    };
    // The client ignores binary frames itself.
    if (isBinary === true || typeof data !== 'string') {
      pass(data);
      return;
    }
    const log = this.options.logger.child({ requestId: randomUUID() });
    const envelope = parseObject(data);
    if (envelope === undefined) {
      log.warn('a Socket Mode message that is not a JSON object was dropped');
      return;
    }
    const { type, envelope_id: envelopeId } = envelope;
    if (type === 'hello' || type === 'disconnect') {
      pass(data);
      return;
    }
    if (typeof envelopeId !== 'string' || envelopeId === '' || envelopeId.length > 255) {
      log.warn({ envelopeType: printable(type) }, 'a Socket Mode envelope without an envelope id was dropped');
      return;
    }
    const reason = refusal(type, envelope.payload);
    if (reason === undefined) {
      pass(data);
      return;
    }
    log.warn(
      { envelopeType: printable(type), reason },
      'a Socket Mode envelope the bot cannot take was acked and dropped',
    );
    pass(JSON.stringify({ envelope_id: envelopeId, type: REFUSED }));
  }

  private async dispatch(args: unknown): Promise<void> {
    if (!isSlackEvent(args)) return;
    const requestId = randomUUID();
    const log = this.options.logger.child({ requestId });
    const ackEmpty = () =>
      args.ack().catch((error: unknown) => log.warn({ err: error }, 'could not ack a Socket Mode envelope'));
    const surface = SURFACES.get(args.type);
    const screened = surface === undefined ? undefined : screenPayload(surface, args.body);
    // A refused envelope (rewritten by screen, which logged why) ends here, acked.
    if (screened === undefined || !screened.ok) return ackEmpty();
    const { inbound } = screened;
    if (inbound.kind === 'url_verification') return ackEmpty();
    if (inbound.kind === 'notice') {
      log.info({ type: inbound.type }, 'Slack sent a notice');
      return ackEmpty();
    }
    const app = this.app;
    if (app === undefined) return ackEmpty();
    await admit(
      { app, replay: this.options.replay, ackAtOnce: this.options.ackAtOnce, inFlight: this.options.inFlight },
      {
        inbound,
        replayKey: inbound.kind === 'event' ? `event:${inbound.eventId}` : `envelope:${args.envelope_id}`,
        replayUntil: new Date(this.options.wallClock.now().getTime() + ID_MEMORY_MS),
        ...(typeof args.retry_num === 'number' ? { retryNum: args.retry_num } : {}),
        ...(typeof args.retry_reason === 'string' && args.retry_reason !== ''
          ? { retryReason: args.retry_reason }
          : {}),
        requestId,
        log,
        send: (body) => args.ack(body),
        unrouted: () => ackEmpty(),
      },
    ).catch((error: unknown) => log.error({ err: error }, 'a Socket Mode envelope failed'));
  }
}

/** Why an envelope cannot be taken, or undefined when it can. */
function refusal(type: unknown, payload: unknown): string | undefined {
  const surface = SURFACES.get(type);
  if (surface === undefined) return 'not an envelope type the bot takes';
  const screened = screenPayload(surface, payload);
  if (!screened.ok) return screened.reason;
  return screened.inbound.kind === 'url_verification' ? 'url_verification does not come over Socket Mode' : undefined;
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function isSlackEvent(args: unknown): args is SlackEventArgs {
  if (typeof args !== 'object' || args === null) return false;
  const { ack, envelope_id: envelopeId, type } = args as Record<string, unknown>;
  return typeof ack === 'function' && typeof envelopeId === 'string' && typeof type === 'string';
}

const printable = (type: unknown): string => (typeof type === 'string' ? type.slice(0, 40) : typeof type);
