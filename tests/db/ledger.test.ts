import { describe, expect, it } from 'vitest';
import { CLAIM_LEASE_MS, claimDue, markFailed, markSent, renewClaim } from '../../src/kernel/jobs/ledger.js';
import { useTestDatabase } from '../support/lifecycle.js';

const db = useTestDatabase();

const t0 = new Date('2004-03-01T08:00:00Z');
const later = (ms: number) => new Date(t0.getTime() + ms);

async function seed(n: number) {
  await db.prisma.reminderLedger.createMany({
    data: Array.from({ length: n }, (_, i) => ({
      key: `k${i}`,
      measureId: 1,
      agencyId: 1,
      step: 1,
      period: 'p',
      recipient: `U${i}`,
      nextAttemptAt: t0,
    })),
  });
}

describe('the delivery ledger', () => {
  it('never hands the same row to two claims made at once', async () => {
    await seed(30);
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => claimDue(db.prisma, 'ReminderLedger', t0, 50)));
    const all = [...a!, ...b!, ...c!].map(String);
    expect(all).toHaveLength(30);
    expect(new Set(all).size).toBe(30);
  });

  it('lets a claim lapse after the lease, so a crashed sender does not strand a row', async () => {
    await seed(1);
    expect(await claimDue(db.prisma, 'ReminderLedger', t0)).toHaveLength(1);
    expect(await claimDue(db.prisma, 'ReminderLedger', later(CLAIM_LEASE_MS - 1))).toHaveLength(0);
    const again = await db.prisma.reminderLedger.findFirstOrThrow();
    expect(again.attempts).toBe(1);
    expect(await claimDue(db.prisma, 'ReminderLedger', later(CLAIM_LEASE_MS))).toHaveLength(1);
    expect((await db.prisma.reminderLedger.findFirstOrThrow()).attempts).toBe(2);
  });

  it('keeps a claim that its sender renews while it works, and refuses a renewal once another took it', async () => {
    await seed(1);
    const [id] = await claimDue(db.prisma, 'ReminderLedger', t0);
    expect(await renewClaim(db.prisma, 'ReminderLedger', id!, 1, later(90_000))).toBe(true);
    expect(await claimDue(db.prisma, 'ReminderLedger', later(CLAIM_LEASE_MS))).toHaveLength(0);
    expect(await claimDue(db.prisma, 'ReminderLedger', later(90_000 + CLAIM_LEASE_MS))).toHaveLength(1);
    expect(await renewClaim(db.prisma, 'ReminderLedger', id!, 1, later(100_000 + CLAIM_LEASE_MS))).toBe(false);
  });

  it('does not claim a row once it is sent, and waits out Retry-After on a 429', async () => {
    await seed(2);
    const [first, second] = await claimDue(db.prisma, 'ReminderLedger', t0);
    await markSent(db.prisma, 'ReminderLedger', first!, t0, 'DU0', '1.0001');
    const rateLimited = Object.assign(new Error('rate limited'), {
      code: 'slack_webapi_rate_limited_error',
      retryAfter: 30,
    });
    expect(await markFailed(db.prisma, 'ReminderLedger', second!, 1, t0, rateLimited)).toMatchObject({ kind: 'retry' });
    expect(await claimDue(db.prisma, 'ReminderLedger', later(29_000))).toHaveLength(0);
    expect((await claimDue(db.prisma, 'ReminderLedger', later(30_000))).map(String)).toEqual([String(second)]);
  });

  it('gives up for good on a permanent error, without blocking the others', async () => {
    await seed(2);
    const [first, second] = await claimDue(db.prisma, 'ReminderLedger', t0);
    const gone = Object.assign(new Error('gone'), {
      code: 'slack_webapi_platform_error',
      data: { ok: false, error: 'user_not_found' },
    });
    expect(await markFailed(db.prisma, 'ReminderLedger', first!, 1, t0, gone)).toEqual({
      kind: 'permanent',
      code: 'user_not_found',
    });
    const row = await db.prisma.reminderLedger.findUniqueOrThrow({ where: { id: first! } });
    expect(row).toMatchObject({ state: 'FAILED', lastError: 'user_not_found' });
    // Only the other row comes back (its claim lapsed); the failed one never does.
    expect((await claimDue(db.prisma, 'ReminderLedger', later(24 * 3600_000))).map(String)).toEqual([String(second)]);
  });
});
