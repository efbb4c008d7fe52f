import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { App, Receiver } from '@slack/bolt';
import type { Clock } from '../../clock.js';
import type { Logger } from '../../logger.js';
import type { TiltakBolt } from '../request-context.js';
import { type Admission, type AdmitDeps, admit } from './admit.js';
import { answer, createEdgeServer, type EdgeRoute } from './edge-server.js';
import { decodeHttpBody, isSslCheck } from './http-body.js';
import { screenPayload } from './inbound.js';
import type { ReplayStore } from './replay-store.js';
import { checkSlackSignature, SIGNATURE_WINDOW_SECONDS } from './signature.js';

export interface HttpEdgeOptions {
  signingSecret: string;
  logger: Logger;
  routes: EdgeRoute[];
  replay: ReplayStore;
  /**
   * Wall time, for the signature window and the replay memory. Slack stamps
   * a request with its own wall clock, so the window is measured against
   * ours, never against the plan's clock (which tests and `npm run jobs --at`
   * set to another year); an instance with a wrong system clock refuses
   * Slack's requests, as Bolt would.
   */
  wallClock: Clock;
  /** See AdmitDeps.ackAtOnce. */
  ackAtOnce?: AdmitDeps['ackAtOnce'];
  /** See AdmitDeps.inFlight. */
  inFlight?: AdmitDeps['inFlight'];
  /** Larger than any payload the bot's own messages and modals can produce, by far. */
  bodyLimitBytes?: number;
  /** Bolt's unhandled-request timeout: a listener that has not acked by then gets Bolt's 404. */
  ackTimeoutMs?: number;
}

const ONE_MIB = 1024 * 1024;
/** Slack retries an event three times within about five minutes; its id is remembered well past that. */
const EVENT_MEMORY_MS = 60 * 60 * 1000;

/**
 * Receives Slack's HTTP requests for Bolt, guarding them first: body size,
 * signature and timestamp window, body format, payload shape and identity,
 * replays. Only a request that passes reaches Bolt's processEvent.
 */
export class HttpEdgeReceiver implements Receiver {
  private app: TiltakBolt | undefined;
  private server: Server | undefined;
  private readonly bodyLimit: number;

  constructor(private readonly options: HttpEdgeOptions) {
    this.bodyLimit = options.bodyLimitBytes ?? ONE_MIB;
  }

  init(app: TiltakBolt): void {
    this.app = app;
  }

  /** On every interface unless `host` names one (the demo keeps the bot on 127.0.0.1). */
  start(port: number, host?: string): Promise<Server> {
    const server = createEdgeServer({
      logger: this.options.logger,
      routes: this.options.routes,
      events: (req, res, requestId, log) => this.receive(req, res, requestId, log),
    });
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve(server));
    });
  }

  stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server === undefined) return Promise.resolve();
    return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  }

  private async receive(req: IncomingMessage, res: ServerResponse, requestId: string, log: Logger): Promise<void> {
    const raw = await readBody(req, this.bodyLimit);
    if (raw === 'aborted') return;
    if (raw === 'too_large') {
      log.warn({ limit: this.bodyLimit }, 'a request body over the size limit was refused');
      return answer(res, 413);
    }
    const contentType = req.headers['content-type'];
    if (isSslCheck(contentType, raw)) return answer(res, 200);

    const signed = checkSlackSignature({
      secret: this.options.signingSecret,
      signature: req.headers['x-slack-signature'],
      timestamp: req.headers['x-slack-request-timestamp'],
      rawBody: raw,
      nowMs: this.options.wallClock.now().getTime(),
    });
    if (!signed.ok) {
      log.warn(
        { reason: signed.reason, skewSeconds: signed.skewSeconds },
        'a request that is not signed by Slack now was refused',
      );
      return answer(res, 401);
    }

    const decoded = decodeHttpBody(contentType, raw);
    if (!decoded.ok) {
      log.warn({ reason: decoded.reason }, 'a signed request with a body Slack does not send was refused');
      return answer(res, decoded.status);
    }
    const screened = screenPayload(decoded.surface, decoded.payload);
    if (!screened.ok) {
      log.warn(
        { surface: decoded.surface, reason: screened.reason },
        'a signed request with a payload the bot cannot take was refused',
      );
      // An event delivery that is not 2xx is retried, and repeated failures turn
      // the subscription off, so an event is acked and dropped; anything else
      // gets a 400, which Slack shows the user as an error, rightly, since nothing was done.
      return answer(res, isEventCallback(decoded.payload) ? 200 : 400);
    }

    const { inbound } = screened;
    if (inbound.kind === 'url_verification') return answer(res, 200, { challenge: inbound.challenge });
    if (inbound.kind === 'notice') {
      log.info({ type: inbound.type }, 'Slack sent a notice');
      return answer(res, 200);
    }
    const event = inbound.kind === 'event';
    const replayUntilMs = event
      ? this.options.wallClock.now().getTime() + EVENT_MEMORY_MS
      : // A signature verifies only within the window around its timestamp; after that it is refused anyway.
        (signed.timestampSeconds + SIGNATURE_WINDOW_SECONDS + 1) * 1000;
    await this.dispatch(res, {
      inbound,
      replayKey: event ? `event:${inbound.eventId}` : `sig:${signed.signature}`,
      replayUntil: new Date(replayUntilMs),
      ...retryHeaders(req),
      requestId,
      log,
    });
  }

  /** Bolt's ack over HTTP: the ack is the response, and a listener that has not acked in time gets Bolt's 404. */
  private async dispatch(res: ServerResponse, admission: Omit<Admission, 'send' | 'unrouted'>): Promise<void> {
    const timer = setTimeout(() => {
      admission.log.error('a listener did not ack within 3 seconds');
      answer(res, 404);
    }, this.options.ackTimeoutMs ?? 3_001);
    const settle = (status: number, body?: unknown) => {
      clearTimeout(timer);
      answer(res, status, body);
    };
    try {
      await admit(
        {
          app: this.requireApp(),
          replay: this.options.replay,
          ackAtOnce: this.options.ackAtOnce,
          inFlight: this.options.inFlight,
        },
        {
          ...admission,
          send: (body) => settle(200, body),
          unrouted: () => settle(admission.inbound.kind === 'event' ? 200 : 400),
        },
      );
    } finally {
      // admit returns once every listener is done, so by now the request has been answered.
      clearTimeout(timer);
    }
  }

  private requireApp(): App {
    if (this.app === undefined) throw new Error('the HTTP receiver was started before Bolt initialised it');
    return this.app;
  }
}

function isEventCallback(payload: unknown): boolean {
  return typeof payload === 'object' && payload !== null && 'type' in payload && payload.type === 'event_callback';
}

function retryHeaders(req: IncomingMessage): { retryNum?: number; retryReason?: string } {
  const num = req.headers['x-slack-retry-num'];
  const reason = req.headers['x-slack-retry-reason'];
  return {
    ...(typeof num === 'string' && /^\d{1,3}$/.test(num) ? { retryNum: Number(num) } : {}),
    ...(typeof reason === 'string' && reason.length <= 64 ? { retryReason: reason } : {}),
  };
}

/** The whole body, or a marker once it passes `limit` (the rest is drained, not kept). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too_large' | 'aborted'> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (value: Buffer | 'too_large' | 'aborted') => {
      if (!settled) resolve(value);
      settled = true;
    };
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () => settle(size > limit ? 'too_large' : Buffer.concat(chunks)));
    req.on('error', () => settle('aborted'));
    req.on('close', () => settle('aborted'));
  });
}
