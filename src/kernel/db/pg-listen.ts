import pg from 'pg';
import type { Logger } from '../logger.js';
import { ANY_TABLE, type Listen } from './change-feed.js';

/** How the feed's connection names itself in pg_stat_activity. */
export const CHANGE_FEED_APPLICATION = 'tiltak-change-feed';

const FIRST_RETRY_MS = 500;
const LAST_RETRY_MS = 30_000;

/**
 * LISTEN on a connection of its own, outside the pool (a pooled connection
 * is shared, and its LISTEN would end with whoever held it). A lost
 * connection is retried with backoff; notifications sent meanwhile are gone,
 * so losing it and getting it back are both told as ANY_TABLE, and `onLive`
 * says whether what arrives can be trusted.
 */
export function pgListen(config: pg.ClientConfig, logger?: Logger): Listen {
  return async (channel, onNotify, onLive) => {
    let stopped = false;
    let current: pg.Client | null = null;
    let timer: NodeJS.Timeout | undefined;
    let delay = FIRST_RETRY_MS;

    const open = async (): Promise<void> => {
      const client = new pg.Client(config);
      // A lost server emits 'error' and then 'end'; 'end' does the retry, and an unheard 'error' would kill the process.
      client.on('error', (error) => logger?.warn({ err: error }, 'the change feed lost its connection'));
      client.on('notification', (n) => {
        if (n.channel === channel) onNotify(n.payload ?? ANY_TABLE);
      });
      client.on('end', () => {
        if (current !== client || stopped) return;
        current = null;
        onLive?.(false);
        onNotify(ANY_TABLE);
        retry();
      });
      try {
        await client.connect();
        await client.query(`LISTEN "${channel.replaceAll('"', '""')}"`);
      } catch (error) {
        await client.end().catch(() => undefined);
        throw error;
      }
      current = client;
      delay = FIRST_RETRY_MS;
    };

    const retry = () => {
      timer = setTimeout(() => {
        open().then(
          () => {
            if (stopped) return void current?.end().catch(() => undefined);
            logger?.info('the change feed listens again');
            onLive?.(true);
            onNotify(ANY_TABLE);
          },
          () => {
            if (stopped) return;
            delay = Math.min(delay * 2, LAST_RETRY_MS);
            retry();
          },
        );
      }, delay);
      timer.unref();
    };

    await open();
    onLive?.(true);
    return async () => {
      stopped = true;
      clearTimeout(timer);
      const client = current;
      current = null;
      await client?.end().catch(() => undefined);
    };
  };
}
