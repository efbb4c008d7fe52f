import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from '../../logger.js';

const EVENTS_PATH = '/slack/events';

/** A route as src/kernel/slack/health.ts makes it (Bolt's custom-route shape). */
export interface EdgeRoute {
  path: string;
  method: string | string[];
  handler: (req: IncomingMessage, res: ServerResponse) => void;
}

type EventsHandler = (req: IncomingMessage, res: ServerResponse, requestId: string, log: Logger) => Promise<void>;

export interface EdgeServerOptions {
  logger: Logger;
  routes: EdgeRoute[];
  /** POST /slack/events; absent in Socket Mode, where events come over the socket. */
  events?: EventsHandler;
}

/**
 * The bot's HTTP server in both modes: GET /healthz, POST /slack/events in
 * HTTP mode, and a logged 404 or 405 for anything else. Paths match exactly;
 * every request gets an id that its log lines and Bolt's context carry.
 */
export function createEdgeServer(options: EdgeServerOptions): Server {
  const server = createServer((req, res) => {
    const requestId = randomUUID();
    const log = options.logger.child({ requestId });
    route(options, req, res, requestId, log).catch((error: unknown) => {
      // A fault of ours, not the sender's; it is logged as one, and the answer is still not a 5xx.
      log.error({ err: error }, 'the Slack edge failed on a request');
      answer(res, 400);
    });
  });
  // A sender that trickles its headers or body is cut off long before it can tie up the server.
  server.headersTimeout = 10_000;
  server.requestTimeout = 15_000;
  return server;
}

async function route(
  options: EdgeServerOptions,
  req: IncomingMessage,
  res: ServerResponse,
  requestId: string,
  log: Logger,
): Promise<void> {
  const path = (req.url ?? '').split('?')[0] ?? '';
  const method = req.method ?? '';
  if (path === EVENTS_PATH && options.events !== undefined) {
    if (method === 'POST') return options.events(req, res, requestId, log);
    return refuse(req, res, log, 405, { allow: 'POST' });
  }
  const custom = options.routes.find((r) => r.path === path);
  if (custom !== undefined) {
    const methods = Array.isArray(custom.method) ? custom.method : [custom.method];
    if (methods.includes(method)) return custom.handler(req, res);
    return refuse(req, res, log, 405, { allow: methods.join(', ') });
  }
  return refuse(req, res, log, 404);
}

function refuse(
  req: IncomingMessage,
  res: ServerResponse,
  log: Logger,
  status: 404 | 405,
  headers: Record<string, string> = {},
): void {
  log.warn(
    { method: req.method, path: (req.url ?? '').slice(0, 200), status },
    'a request for a path or method the bot does not serve',
  );
  req.resume();
  answer(res, status, undefined, headers);
}

/** Writes a response once; a later attempt (a listener acking after the timeout) is a no-op. */
export function answer(
  res: ServerResponse,
  status: number,
  body?: unknown,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent || res.writableEnded) return;
  if (body === undefined || body === '') {
    res.writeHead(status, headers);
    res.end();
  } else if (typeof body === 'string') {
    res.writeHead(status, headers);
    res.end(body);
  } else {
    res.writeHead(status, { ...headers, 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  }
}
