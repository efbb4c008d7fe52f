import { Worker } from 'node:worker_threads';
import { ANY_TABLE, type Listen } from './change-feed.js';
import {
  fromWire,
  READY_ID,
  type WorkerMessage,
  type WorkerReplies,
  type WorkerRequest,
  type WorkerStart,
  workerGone,
} from './pglite-wire.js';

type Op = WorkerRequest['op'];

interface Listener {
  onNotify(payload: string): void;
  onLive: ((live: boolean) => void) | undefined;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

/**
 * The main thread's end of the PGlite worker: requests go out with an id
 * and come back as promises. The worker is unref'd while nothing waits on
 * it, so an idle database never keeps the process alive (PGlite on the main
 * thread never did), and ref'd while a query is out, so a CLI cannot exit
 * under its own await.
 */
export class PGliteThread {
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Map<number, Listener>();
  private lastId = READY_ID;
  private gone: Error | null = null;
  private closing = false;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (message: WorkerMessage) => this.receive(message));
    worker.on('error', (error) => this.fail(true, `${error.name}: ${error.message}`));
    worker.on('messageerror', (error) => this.fail(true, `unreadable message: ${error.message}`));
    worker.on('exit', (code) => this.fail(!this.closing, `exit code ${code}`));
  }

  /** Starts the worker and resolves once PGlite in it is ready, or rejects with why it is not. */
  static async start(dataDir: string | null): Promise<PGliteThread> {
    const thread = new PGliteThread(spawn({ dataDir }));
    await new Promise((resolve, reject) => thread.pending.set(READY_ID, { resolve, reject }));
    thread.settle();
    return thread;
  }

  get closed(): boolean {
    return this.gone !== null || this.closing;
  }

  call<K extends Op>(request: Extract<WorkerRequest, { op: K }>): Promise<WorkerReplies[K]> {
    if (this.gone !== null) return Promise.reject(this.gone);
    const id = ++this.lastId;
    return new Promise<WorkerReplies[K]>((resolve, reject) => {
      // The reply is the worker's answer to this very request, typed by WorkerReplies.
      this.pending.set(id, { resolve: (value) => resolve(value as WorkerReplies[K]), reject });
      this.settle();
      this.worker.postMessage({ id, request });
    });
  }

  /**
   * LISTEN on channel inside the worker; resolves to the call that stops it.
   * Nothing is missed while the worker lives; if it dies, the listener is
   * told as a lost PostgreSQL connection is told (see change-feed.ts).
   */
  readonly listen: Listen = async (channel, onNotify, onLive) => {
    const listener = ++this.lastId;
    this.listeners.set(listener, { onNotify, onLive });
    try {
      await this.call({ op: 'listen', channel, listener });
    } catch (error) {
      this.listeners.delete(listener);
      throw error;
    }
    return async () => {
      if (!this.listeners.delete(listener) || this.gone !== null) return;
      await this.call({ op: 'unlisten', listener });
    };
  };

  /** Closes PGlite (it writes its folder out) and ends the thread. */
  async close(): Promise<void> {
    if (this.gone !== null || this.closing) return;
    try {
      await this.call({ op: 'close' });
    } finally {
      this.closing = true;
      await this.worker.terminate();
    }
  }

  /** Ends the thread at once, as a crash would: for tests of what a dead worker does to its callers. */
  async terminate(): Promise<void> {
    await this.worker.terminate();
  }

  private receive(message: WorkerMessage): void {
    if ('notify' in message) {
      this.listeners.get(message.notify)?.onNotify(message.payload);
      return;
    }
    const pending = this.pending.get(message.id);
    if (pending === undefined) return;
    this.pending.delete(message.id);
    this.settle();
    if (message.ok) pending.resolve(message.value);
    else pending.reject(fromWire(message.error));
  }

  private fail(crashed: boolean, why: string): void {
    if (this.gone !== null) return;
    const gone = workerGone(crashed, why);
    this.gone = gone;
    for (const pending of this.pending.values()) pending.reject(gone);
    this.pending.clear();
    const listeners = [...this.listeners.values()];
    this.listeners.clear();
    if (!crashed) return;
    for (const { onNotify, onLive } of listeners) {
      onLive?.(false);
      onNotify(ANY_TABLE);
    }
  }

  private settle(): void {
    if (this.pending.size > 0) this.worker.ref();
    else this.worker.unref();
  }
}

/**
 * From the build, the worker is the compiled pglite-worker.js beside this
 * file. Under tsx or vitest it is the .ts source, and Node 20 applies no
 * `--import` loader inside a worker, so the worker's first line loads tsx's
 * API and imports the source through it.
 */
function spawn(start: WorkerStart): Worker {
  const compiled = import.meta.url.endsWith('.js');
  const entry = new URL(`./pglite-worker.${compiled ? 'js' : 'ts'}`, import.meta.url);
  if (compiled) return new Worker(entry, { workerData: start });
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then((tsx) => tsx.tsImport(${JSON.stringify(entry.href)}, ${JSON.stringify(import.meta.url)}))`;
  return new Worker(boot, { eval: true, workerData: start });
}
