// What the fuzz files watch while inputs go in: strays in the process, rows
// in the database, and when the bot has finished what an input started.
import type { Database } from '../../src/kernel/db/open-database.js';
import type { Harness } from '../support/harness.js';

/** Whatever escapes a handler: the bot runs in this process, so its strays land here. */
export interface ProcessWatch {
  readonly strays: string[];
  stop(): void;
}

export function watchProcess(): ProcessWatch {
  const strays: string[] = [];
  const record = (kind: string) => (reason: unknown) => {
    strays.push(`${kind}: ${reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason)}`);
  };
  const onRejection = record('unhandledRejection');
  const onException = record('uncaughtException');
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
  return {
    strays,
    stop() {
      process.off('unhandledRejection', onRejection);
      process.off('uncaughtException', onException);
    },
  };
}

/**
 * Tables that remember requests rather than hold what a request asked for
 * (a replay guard's seen signatures): they grow with every request by design.
 * Named here, so that any other table that grows is a write from the input.
 */
const REQUEST_BOOKKEEPING = new Set(['_prisma_migrations', 'SeenRequest']);

export type RowCounts = Record<string, number>;

/** Every table's row count, in one statement. */
async function rowCounts(db: Database): Promise<RowCounts> {
  return db.runner.session(async (conn) => {
    const tables = (
      await conn.query<{ tablename: string }>(
        `SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename`,
      )
    )
      .map((t) => t.tablename)
      .filter((t) => !REQUEST_BOOKKEEPING.has(t));
    return countRows(db, tables);
  });
}

async function countRows(db: Database, tables: string[]): Promise<RowCounts> {
  const select = tables.map((t) => `(SELECT count(*) FROM "${t}")::int AS "${t}"`).join(', ');
  const [row] = await db.runner.session((conn) => conn.query<RowCounts>(`SELECT ${select}`));
  return row ?? {};
}

/** "Update +1, AuditLog +1", or '' when nothing changed. */
function rowChanges(before: RowCounts, after: RowCounts): string {
  return Object.keys({ ...before, ...after })
    .filter((t) => (before[t] ?? 0) !== (after[t] ?? 0))
    .map((t) => `${t} ${(after[t] ?? 0) - (before[t] ?? 0) > 0 ? '+' : ''}${(after[t] ?? 0) - (before[t] ?? 0)}`)
    .join(', ');
}

/** Row counts between one input and the next: one statement per input, on the tables found at `reset`. */
export class RowWatch {
  private last: RowCounts = {};
  constructor(private readonly db: () => Database) {}
  /** What changed since the previous call (or since `reset`). */
  async changes(): Promise<string> {
    const before = this.last;
    this.last = await countRows(this.db(), Object.keys(before));
    return rowChanges(before, this.last);
  }
  async reset(): Promise<void> {
    this.last = await rowCounts(this.db());
  }
}

/**
 * Work a handler does after its ack (a reply, a modal, a write) shows up as
 * traffic to the fake Slack; wait until it has been quiet for a moment.
 */
export async function quiet(h: Harness, quietMs = 15, maxMs = 3000): Promise<void> {
  const deadline = Date.now() + maxMs;
  const last = () => Math.max(h.fake.calls.at(-1)?.at ?? 0, h.fake.responses.at(-1)?.at ?? 0);
  const started = Date.now();
  while (Date.now() < deadline) {
    if (Date.now() - Math.max(last(), started) >= quietMs) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
