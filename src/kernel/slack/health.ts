import type { IncomingMessage, ServerResponse } from 'node:http';
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
