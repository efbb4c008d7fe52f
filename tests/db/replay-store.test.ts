import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/kernel/clock.js';
import { type Database, openDatabase } from '../../src/kernel/db/open-database.js';
import { createReplayStore } from '../../src/kernel/slack/edge/replay-store.js';
import { useTestDatabase } from '../support/lifecycle.js';
import { usesPostgres } from '../support/test-database.js';

const db = useTestDatabase();
const t0 = new Date('2026-05-04T10:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

describe('the replay store', () => {
  it('grants a key once while its claim holds, and again once it has expired', async () => {
    const clock = new ManualClock(t0);
    const store = createReplayStore(db.prisma, clock);
    expect(await store.claim('sig:a', at(300_000))).toBe(true);
    expect(await store.claim('sig:a', at(300_000))).toBe(false);
    expect(await store.claim('sig:b', at(300_000))).toBe(true);
    clock.set(at(299_999));
    expect(await store.claim('sig:a', at(600_000))).toBe(false);
    clock.set(at(300_000));
    expect(await store.claim('sig:a', at(600_000))).toBe(true);
    expect(await store.claim('sig:a', at(900_000))).toBe(false);
  });

  it('grants one of many claims of the same key made at once', async () => {
    const store = createReplayStore(db.prisma, new ManualClock(t0));
    const granted = await Promise.all(Array.from({ length: 20 }, () => store.claim('event:Ev1', at(60_000))));
    expect(granted.filter(Boolean)).toHaveLength(1);
  });

  it('grants one claim across instances with their own connections', async () => {
    const other: Database = usesPostgres() ? await openDatabase(db.target) : db;
    try {
      const stores = [db, other, db, other].map((d) => createReplayStore(d.prisma, new ManualClock(t0)));
      const granted = await Promise.all(stores.map((s) => s.claim('sig:shared', at(60_000))));
      expect(granted.filter(Boolean)).toHaveLength(1);
    } finally {
      if (other !== db) await other.close();
    }
  });

  it('prunes only expired claims', async () => {
    const clock = new ManualClock(t0);
    const store = createReplayStore(db.prisma, clock, { pruneEveryMs: Number.POSITIVE_INFINITY });
    for (let i = 0; i < 10; i += 1) await store.claim(`k${i}`, at(i * 1000));
    clock.set(at(4_500));
    expect(await store.prune()).toBe(5);
    expect(await db.prisma.seenRequest.count()).toBe(5);
  });

  it('prunes in the background as it claims, at most once a minute', async () => {
    const clock = new ManualClock(t0);
    const store = createReplayStore(db.prisma, clock);
    await store.claim('old', at(1_000));
    clock.set(at(61_000));
    await store.claim('new', at(400_000));
    await expect.poll(() => db.prisma.seenRequest.count()).toBe(1);
  });
});
