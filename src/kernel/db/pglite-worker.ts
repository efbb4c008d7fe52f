import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import type { Transaction } from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { READY_ID, toWire, type WorkerMessage, type WorkerRequest, type WorkerStart } from './pglite-wire.js';

/**
 * The thread that owns PGlite. PGlite runs each query synchronously in
 * WASM, so on the main thread one request's queries stall every other
 * request's ack; here they stall only this thread. See pglite-thread.ts for
 * the other end.
 */
const port = parentPort;
if (port === null) throw new Error('pglite-worker.ts runs as a worker thread; open it with startPGliteThread()');
const start = workerData as WorkerStart;

/**
 * PGlite reserves PostgreSQL's default 128 MB of shared buffers inside its
 * WASM heap, which is most of its memory; a plan's tables fit in a fraction,
 * and the OS caches the folder's files behind it.
 */
const SHARED_BUFFERS = '16MB';

function post(message: WorkerMessage): void {
  try {
    port?.postMessage(message);
  } catch (error) {
    // A value the structured clone refuses must fail its request, not the thread.
    if ('id' in message && message.ok) port?.postMessage({ id: message.id, ok: false, error: toWire(error) });
    else throw error;
  }
}

async function serve(): Promise<void> {
  const options = { startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${SHARED_BUFFERS}`] };
  const client = start.dataDir === null ? new PGlite(options) : new PGlite(start.dataDir, options);
  await client.waitReady;
  const adapter = await new PrismaPGlite(client).connect();
  const transactions = new Map<number, Transaction>();
  const listeners = new Map<number, () => Promise<void>>();
  let lastTx = 0;

  const queryable = (tx: number | null) => {
    if (tx === null) return adapter;
    const open = transactions.get(tx);
    if (open === undefined) throw new Error(`transaction ${tx} is not open`);
    return open;
  };
  const finish = async (tx: number, how: 'commit' | 'rollback') => {
    const open = transactions.get(tx);
    transactions.delete(tx);
    await open?.[how]();
  };

  const handle = async (request: WorkerRequest): Promise<unknown> => {
    switch (request.op) {
      case 'query':
        return queryable(request.tx).queryRaw(request.query);
      case 'execute':
        return queryable(request.tx).executeRaw(request.query);
      case 'script':
      case 'exec':
        // The adapter's executeScript does not await PGlite (0.6.1), so a failure would be lost.
        await client.exec(request.script);
        return undefined;
      case 'begin': {
        const tx = await adapter.startTransaction(request.isolationLevel ?? undefined);
        transactions.set(++lastTx, tx);
        return lastTx;
      }
      case 'commit':
      case 'rollback':
        return finish(request.tx, request.op);
      case 'rows':
        return (await client.query(request.sql, request.params)).rows;
      case 'ping':
        await client.query('SELECT 1');
        return undefined;
      case 'listen': {
        const { listener } = request;
        listeners.set(listener, await client.listen(request.channel, (payload) => post({ notify: listener, payload })));
        return undefined;
      }
      case 'unlisten': {
        const unlisten = listeners.get(request.listener);
        listeners.delete(request.listener);
        await unlisten?.();
        return undefined;
      }
      case 'close':
        await client.close();
        return undefined;
    }
  };

  port?.on('message', ({ id, request }: { id: number; request: WorkerRequest }) => {
    handle(request).then(
      (value) => post({ id, ok: true, value }),
      (error: unknown) => post({ id, ok: false, error: toWire(error) }),
    );
  });
}

serve().then(
  () => post({ id: READY_ID, ok: true, value: undefined }),
  (error: unknown) => post({ id: READY_ID, ok: false, error: toWire(error) }),
);
