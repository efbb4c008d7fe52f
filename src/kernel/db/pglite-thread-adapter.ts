import type {
  ConnectionInfo,
  IsolationLevel,
  SqlDriverAdapter,
  SqlDriverAdapterFactory,
  SqlQuery,
  SqlResultSet,
  Transaction,
  TransactionOptions,
} from '@prisma/driver-adapter-utils';
import type { PGliteThread } from './pglite-thread.js';

const ADAPTER_NAME = 'pglite-prisma-adapter';

/**
 * Prisma's driver adapter for a PGlite that lives in a worker thread: each
 * call is a message to pglite-prisma-adapter's own adapter in the worker,
 * and its DriverAdapterErrors come back as DriverAdapterErrors with the same
 * cause, so Prisma and errors.ts see what they saw in-process.
 */
export class PGliteThreadAdapterFactory implements SqlDriverAdapterFactory {
  readonly provider = 'postgres';
  readonly adapterName = ADAPTER_NAME;

  constructor(private readonly thread: PGliteThread) {}

  async connect(): Promise<SqlDriverAdapter> {
    return new ThreadAdapter(this.thread);
  }
}

class ThreadQueryable {
  readonly provider = 'postgres';
  readonly adapterName = ADAPTER_NAME;

  constructor(
    protected readonly thread: PGliteThread,
    private readonly tx: number | null,
  ) {}

  queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    return this.thread.call({ op: 'query', query, tx: this.tx });
  }

  executeRaw(query: SqlQuery): Promise<number> {
    return this.thread.call({ op: 'execute', query, tx: this.tx });
  }
}

class ThreadAdapter extends ThreadQueryable implements SqlDriverAdapter {
  constructor(thread: PGliteThread) {
    super(thread, null);
  }

  async executeScript(script: string): Promise<void> {
    await this.thread.call({ op: 'script', script });
  }

  async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    const tx = await this.thread.call({ op: 'begin', isolationLevel: isolationLevel ?? null });
    return new ThreadTransaction(this.thread, tx);
  }

  getConnectionInfo(): ConnectionInfo {
    return { supportsRelationJoins: true };
  }

  async dispose(): Promise<void> {}
}

class ThreadTransaction extends ThreadQueryable implements Transaction {
  // As the adapter in the worker: PGlite's transaction() sends BEGIN, so Prisma must not.
  readonly options: TransactionOptions = { usePhantomQuery: true };

  constructor(
    thread: PGliteThread,
    private readonly id: number,
  ) {
    super(thread, id);
  }

  async commit(): Promise<void> {
    await this.thread.call({ op: 'commit', tx: this.id });
  }

  async rollback(): Promise<void> {
    await this.thread.call({ op: 'rollback', tx: this.id });
  }
}
