import type { Logger } from '../logger.js';

/** The channel the migration's triggers notify, with "<schema>.<table>" as payload. */
export const CHANGES_CHANNEL = 'tiltak_changes';

/** Stands for "any table": the feed may have missed notifications (a lost connection). */
export const ANY_TABLE = '*';

/**
 * Subscribes to a channel; resolves once listening, to a function that stops.
 * A listener that can miss notifications (a connection that can be lost)
 * calls onLive(false) and onNotify(ANY_TABLE) when it is lost, and
 * onLive(true) and onNotify(ANY_TABLE) once it listens again.
 */
export type Listen = (
  channel: string,
  onNotify: (payload: string) => void,
  onLive?: (live: boolean) => void,
) => Promise<() => Promise<void>>;

/**
 * What changed in the database, whoever changed it: this instance or another
 * sharing the same PostgreSQL. Database triggers send it at commit (see the
 * change_notify migration), so no write path can forget to.
 */
export interface ChangeFeed {
  /** False while notifications may be missed: nothing read now should be kept. */
  readonly live: boolean;
  /** Calls listener with the table's model name (e.g. "Person") after each commit that changed it, or with ANY_TABLE. */
  subscribe(listener: (table: string) => void): () => void;
}

export interface RunningChangeFeed extends ChangeFeed {
  close(): Promise<void>;
}

/** Listens for the triggers' notifications about this schema's tables and hands them to subscribers. */
export async function startChangeFeed(listen: Listen, schema: string, logger: Logger): Promise<RunningChangeFeed> {
  const listeners = new Set<(table: string) => void>();
  let live = true;
  const prefix = `${schema}.`;
  const tell = (table: string) => {
    for (const listener of listeners) {
      try {
        listener(table);
      } catch (error) {
        // One subscriber's fault must not keep the others on stale data.
        logger.error({ err: error, table }, 'a change listener failed');
      }
    }
  };
  const stop = await listen(
    CHANGES_CHANNEL,
    (payload) => {
      if (payload === ANY_TABLE) tell(ANY_TABLE);
      else if (payload.startsWith(prefix)) tell(payload.slice(prefix.length));
    },
    (now) => {
      live = now;
    },
  );
  return {
    get live() {
      return live;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      listeners.clear();
      // A database already closed under the feed (a test, a shutdown in the wrong order) listens to no one.
      await stop().catch(() => undefined);
    },
  };
}
