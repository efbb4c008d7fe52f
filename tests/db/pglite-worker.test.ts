import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrismaClient } from '../../src/generated/prisma/client.js';
import { dbErrorKind, isDatabaseUnavailable } from '../../src/kernel/db/errors.js';
import { type Database, openDatabase } from '../../src/kernel/db/open-database.js';
import { PGliteThread } from '../../src/kernel/db/pglite-thread.js';
import { PGliteThreadAdapterFactory } from '../../src/kernel/db/pglite-thread-adapter.js';
import { pgliteRunner } from '../../src/kernel/db/sql-runner.js';

const rejection = async (promise: Promise<unknown>): Promise<unknown> => {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
};

// PGlite runs in a worker thread; these pin what must survive the trip across it.
describe('PGlite in its worker thread', () => {
  let db: Database;
  beforeAll(async () => {
    // PGlite whichever suite runs this file: the PostgreSQL suite includes tests/db too.
    db = await openDatabase({ kind: 'pglite', dataDir: null });
  });
  afterAll(async () => {
    await db?.close();
  });

  it('reports a second agency with the same code as a unique violation, as in-process PGlite did', async () => {
    const skatt = { code: 'SKD', nameNb: 'Skatteetaten', nameEn: 'Tax Administration', kind: 'DIRECTORATE' } as const;
    await db.prisma.agency.create({ data: skatt });
    const error = await rejection(db.prisma.agency.create({ data: skatt }));
    expect(dbErrorKind(error)).toBe('unique');
  });

  it('keeps the SQLSTATE of a raw query that fails, and rolls back a Prisma transaction that throws', async () => {
    const error = await rejection(db.runner.session((c) => c.query('SELECT * FROM "NoSuchTable"')));
    expect(error).toMatchObject({ code: '42P01', severity: 'ERROR', message: 'relation "NoSuchTable" does not exist' });
    await expect(
      db.prisma.$transaction(async (tx) => {
        await tx.agency.create({ data: { code: 'NAV', nameNb: 'NAV', nameEn: 'NAV', kind: 'DIRECTORATE' } });
        throw new Error('abandon');
      }),
    ).rejects.toThrow('abandon');
    expect(await db.prisma.agency.count({ where: { code: 'NAV' } })).toBe(0);
  });

  it("keeps shared buffers at 16 MB, not PostgreSQL's 128 MB, which would be most of its memory", async () => {
    const [row] = await db.runner.session((c) => c.query<{ shared_buffers: string }>('SHOW shared_buffers'));
    expect(row?.shared_buffers).toBe('16MB');
  });

  it('carries rows of every kind the schema uses: dates, booleans, integers, JSON and arrays', async () => {
    const [row] = await db.prisma.$queryRaw<{ at: Date; yes: boolean; n: bigint; doc: unknown; list: string[] }[]>`
      SELECT timestamptz '2004-01-12 09:00+01' AS at, true AS yes, 9007199254740993::int8 AS n,
             '{"a":[1,2]}'::jsonb AS doc, ARRAY['x','y'] AS list`;
    expect(row).toEqual({
      at: new Date('2004-01-12T08:00:00Z'),
      yes: true,
      n: 9007199254740993n,
      doc: { a: [1, 2] },
      list: ['x', 'y'],
    });
  });
});

// Each starts a PGlite of its own, and a fresh one runs initdb: slow on a busy machine.
describe('a PGlite worker that dies', { timeout: 120_000 }, () => {
  it('fails the query in flight and every later one as "database unavailable", and tells its listeners', async () => {
    const thread = await PGliteThread.start(null);
    const prisma = new PrismaClient({ adapter: new PGliteThreadAdapterFactory(thread) });
    const runner = pgliteRunner(thread);
    const heard: string[] = [];
    const live: boolean[] = [];
    await thread.listen(
      'tiltak_changes',
      (payload) => heard.push(payload),
      (now) => live.push(now),
    );
    await prisma.$executeRaw`SELECT pg_notify('tiltak_changes', 'public.Person')`;
    const inFlight = rejection(prisma.$queryRaw`SELECT count(*) FROM generate_series(1, 5000000)`);
    await thread.terminate();
    const errors = [
      await inFlight,
      await rejection(prisma.$queryRaw`SELECT 1`),
      await rejection(runner.session((c) => c.query('SELECT 1'))),
    ];
    expect(errors.map(isDatabaseUnavailable)).toEqual([true, true, true]);
    expect(thread.closed).toBe(true);
    // As a lost PostgreSQL connection is told: no longer live, and anything may have changed.
    expect(heard).toEqual(['public.Person', '*']);
    expect(live).toEqual([false]);
    await prisma.$disconnect();
  });

  it('on a folder, releases its lock on close so the next process can open it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tiltak-pglite-worker-'));
    try {
      const first = await openDatabase({ kind: 'pglite', dataDir: join(dir, 'db') });
      await first.prisma.agency.create({
        data: { code: 'SVV', nameNb: 'Statens vegvesen', nameEn: 'NPRA', kind: 'DIRECTORATE' },
      });
      await first.close();
      await expect(first.ping()).rejects.toThrow('database is closed');
      const second = await openDatabase({ kind: 'pglite', dataDir: join(dir, 'db') });
      expect(await second.prisma.agency.count()).toBe(1);
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
