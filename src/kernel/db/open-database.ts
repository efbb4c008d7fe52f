import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../../generated/prisma/client.js';
import type { Logger } from '../logger.js';
import type { Listen } from './change-feed.js';
import { type FolderLock, lockFolder } from './folder-lock.js';
import { migrate } from './migrate.js';
import { CHANGE_FEED_APPLICATION, pgListen } from './pg-listen.js';
import { PGliteThread } from './pglite-thread.js';
import { PGliteThreadAdapterFactory } from './pglite-thread-adapter.js';
import { pgliteRunner, pgRunner, type SqlRunner } from './sql-runner.js';

export type DatabaseTarget =
  | { kind: 'pglite'; dataDir: string | null }
  | { kind: 'postgres'; url: string; schema: string | null };

export interface Database {
  readonly prisma: PrismaClient;
  readonly target: DatabaseTarget;
  readonly runner: SqlRunner;
  /** The schema Tiltak's tables live in, as the change feed's notifications name it. */
  readonly schema: string;
  /** LISTEN to a channel, as the change feed does (see change-feed.ts). */
  readonly listen: Listen;
  /** Throws when the database cannot answer. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

const DEFAULT_DATA_DIR = './data/db';

/** unset → ./data/db; `file:<dir>` or `memory:` → PGlite; postgres(ql):// → server. */
export function parseDatabaseUrl(url: string | undefined): DatabaseTarget {
  if (url === undefined || url === '') return { kind: 'pglite', dataDir: DEFAULT_DATA_DIR };
  if (url === 'memory:') return { kind: 'pglite', dataDir: null };
  if (url.startsWith('file:')) {
    const dir = url.slice('file:'.length).replace(/^\/\/(?=\/)/, '');
    if (dir === '') throw new Error('DATABASE_URL file: needs a folder, e.g. file:./data/db');
    return { kind: 'pglite', dataDir: dir };
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    const parsed = new URL(url);
    const schema = parsed.searchParams.get('schema');
    parsed.searchParams.delete('schema');
    return { kind: 'postgres', url: parsed.toString(), schema };
  }
  throw new Error('DATABASE_URL must be unset, file:<folder>, memory:, or a postgres:// URL');
}

export interface OpenOptions {
  /** Apply pending migrations before returning (default true). */
  migrate?: boolean;
  /** Called for every SQL statement the Prisma client sends: how tests count queries. */
  onQuery?: () => void;
}

type Adapter = NonNullable<ConstructorParameters<typeof PrismaClient>[0]>['adapter'];

function prismaClient(adapter: Adapter, onQuery: (() => void) | undefined): PrismaClient {
  if (onQuery === undefined) return new PrismaClient({ adapter });
  const client = new PrismaClient({ adapter, log: [{ emit: 'event', level: 'query' }] });
  client.$on('query', () => onQuery());
  return client;
}

export async function openDatabase(
  target: DatabaseTarget,
  options: OpenOptions = {},
  logger?: Logger,
): Promise<Database> {
  const db =
    target.kind === 'pglite'
      ? await openPGlite(target, options.onQuery)
      : await openPostgres(target, options.onQuery, logger);
  if (options.migrate ?? true) {
    try {
      await migrate(db.runner);
    } catch (error) {
      await db.close();
      throw error;
    }
  }
  return db;
}

async function openPGlite(
  target: Extract<DatabaseTarget, { kind: 'pglite' }>,
  onQuery?: () => void,
): Promise<Database> {
  const lock: FolderLock | null = target.dataDir === null ? null : lockFolder(target.dataDir);
  let thread: PGliteThread;
  try {
    thread = await PGliteThread.start(target.dataDir);
  } catch (error) {
    lock?.release();
    throw error;
  }
  const prisma = prismaClient(new PGliteThreadAdapterFactory(thread), onQuery);
  let closed = false;
  return {
    prisma,
    target,
    runner: pgliteRunner(thread),
    schema: 'public',
    // One session, in the worker: a notification reaches the main thread before the reply to the
    // query that committed it (one port, in order), and is lost only with the worker itself.
    listen: (channel, onNotify, onLive) => thread.listen(channel, onNotify, onLive),
    async ping() {
      if (closed || thread.closed) throw new Error('database is closed');
      // SELECT 1 opens no file, so it passes on a folder PGlite can no longer write, where
      // any table not yet open fails and the next checkpoint aborts the instance: ask the folder too.
      if (target.dataDir !== null) await access(target.dataDir, constants.W_OK);
      await thread.call({ op: 'ping' });
    },
    async close() {
      if (closed) return;
      closed = true;
      try {
        await prisma.$disconnect();
        await thread.close();
      } finally {
        lock?.release();
      }
    },
  };
}

async function openPostgres(
  target: Extract<DatabaseTarget, { kind: 'postgres' }>,
  onQuery: (() => void) | undefined,
  logger: Logger | undefined,
): Promise<Database> {
  const schema = target.schema;
  const poolConfig: pg.PoolConfig = {
    connectionString: target.url,
    max: 10,
    connectionTimeoutMillis: 5_000,
    // JIT compiling a plan-wide query (the sweep's, the report's) cost more than it saved: 80–200 ms a time.
    options: ['-c jit=off', ...(schema === null ? [] : [`-c search_path=${quoteIdent(schema)}`])].join(' '),
  };
  const pool = new pg.Pool(poolConfig);
  // An idle client that loses its server emits 'error'; without a listener that kills the process.
  pool.on('error', () => undefined);
  if (schema !== null) await createSchema(pool, schema);
  const adapter = new PrismaPg(pool, schema === null ? undefined : { schema });
  const prisma = prismaClient(adapter, onQuery);
  let closed = false;
  return {
    prisma,
    target,
    runner: pgRunner(pool),
    schema: schema ?? 'public',
    listen: pgListen(
      { connectionString: target.url, connectionTimeoutMillis: 5_000, application_name: CHANGE_FEED_APPLICATION },
      logger,
    ),
    async ping() {
      await pool.query('SELECT 1');
    },
    async close() {
      if (closed) return;
      closed = true;
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

/**
 * IF NOT EXISTS does not make CREATE SCHEMA safe against a concurrent twin:
 * two instances starting together can both pass the check, and the loser
 * gets a unique violation on pg_namespace. Either way the schema is there.
 */
async function createSchema(pool: pg.Pool, schema: string): Promise<void> {
  try {
    await pool.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code !== '23505' && code !== '42P06') throw error;
  }
}

function quoteIdent(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(name)) throw new Error(`invalid schema name: ${name}`);
  return `"${name}"`;
}
