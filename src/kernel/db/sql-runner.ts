import type pg from 'pg';
import type { PGliteThread } from './pglite-thread.js';

/**
 * The few raw operations that sit below Prisma: running whole migration
 * scripts and holding session locks. Both drivers run a multi-statement
 * script through the simple query protocol, which Prisma's adapters do not.
 */
export interface SqlConnection {
  exec(script: string): Promise<void>;
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface SqlRunner {
  /** Runs fn on one dedicated connection, so session state (locks, BEGIN) holds. */
  session<T>(fn: (conn: SqlConnection) => Promise<T>): Promise<T>;
}

export function pgliteRunner(thread: PGliteThread): SqlRunner {
  // PGlite is a single connection; callers run this before anything else uses it.
  const conn: SqlConnection = {
    exec: (script) => thread.call({ op: 'exec', script }),
    // The rows are PGlite's, as query<T> gave them before PGlite moved into its worker.
    query: async <T>(sql: string, params: unknown[] = []) => (await thread.call({ op: 'rows', sql, params })) as T[],
  };
  return { session: (fn) => fn(conn) };
}

export function pgRunner(pool: pg.Pool): SqlRunner {
  return {
    async session(fn) {
      const client = await pool.connect();
      try {
        return await fn({
          exec: async (script) => {
            await client.query(script);
          },
          query: async <T>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as T[],
        });
      } finally {
        client.release();
      }
    },
  };
}
