import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { SlackStatus } from './starting-gate.js';

export interface HealthProbe {
  ping(): Promise<void>;
}

const PING_TIMEOUT_MS = 2_000;

/**
 * GET /healthz: 200 when the database answers within 2 s and Slack has
 * answered auth.test since the start, 503 otherwise. Slack is not probed
 * again once reached: an outage of Slack's is no reason to restart the bot.
 */
export function healthRoute(db: HealthProbe, mode: 'http' | 'socket', slackStatus: SlackStatus) {
  return {
    path: '/healthz',
    method: ['GET'],
    handler: (_req: IncomingMessage, res: ServerResponse) => {
      void check(db).then((database) => {
        const slack = slackStatus.reachable ? 'up' : 'unreachable';
        const healthy = database === 'up' && slack === 'up';
        res.writeHead(healthy ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' });
        res.end(JSON.stringify({ status: healthy ? 'ok' : 'degraded', database, slack, mode }));
      });
    },
  };
}

/**
 * In Socket Mode nothing else listens on PORT, and Bolt's receiver opens its
 * port only together with the socket: this answers /healthz from the start.
 */
export async function serveHealth(route: ReturnType<typeof healthRoute>, port: number): Promise<Server> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (path === route.path && route.method.includes(req.method ?? '')) return route.handler(req, res);
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return server;
}

async function check(db: HealthProbe): Promise<'up' | 'down'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), PING_TIMEOUT_MS);
  });
  try {
    await Promise.race([db.ping(), timeout]);
    return 'up';
  } catch {
    return 'down';
  } finally {
    clearTimeout(timer);
  }
}
