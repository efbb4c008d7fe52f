import type { IncomingMessage, ServerResponse } from 'node:http';

export interface HealthProbe {
  ping(): Promise<void>;
}

const PING_TIMEOUT_MS = 2_000;

/** GET /healthz: 200 when the database answers within 2 s, 503 otherwise. */
export function healthRoute(db: HealthProbe, mode: 'http' | 'socket') {
  return {
    path: '/healthz',
    method: ['GET'],
    handler: (_req: IncomingMessage, res: ServerResponse) => {
      void check(db).then((database) => {
        const healthy = database === 'up';
        res.writeHead(healthy ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' });
        res.end(JSON.stringify({ status: healthy ? 'ok' : 'degraded', database, mode }));
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
