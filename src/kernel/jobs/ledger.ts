import { performance } from 'node:perf_hooks';
import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { queryRows } from '../db/rows.js';
import { backoffMs, classifySendError, type SendFailure } from '../slack/slack-errors.js';

export type LedgerTable = 'ReminderLedger' | 'DigestLedger';

/** How long a claim holds before another tick (or instance) may take the row over. */
export const CLAIM_LEASE_MS = 2 * 60_000;

/**
 * Takes the rows that are due for a send attempt, atomically: one UPDATE over
 * a `FOR UPDATE SKIP LOCKED` select, so two instances never claim the same
 * row. The lease (nextAttemptAt moved forward) lets a row whose sender
 * crashed mid-send be claimed again later, when the caller first checks
 * Slack for the message before sending a second one.
 */
export async function claimDue(prisma: PrismaClient, table: LedgerTable, at: Date, limit = 50): Promise<bigint[]> {
  // An UPDATE notifies the change feed even when it changes no row (the triggers are per statement), which
  // would wake every instance's scheduler for nothing: look first.
  const waiting = await queryRows(
    prisma,
    z.object({ one: z.number() }),
    `SELECT 1 AS one FROM "${table}" WHERE state IN ('PENDING', 'RETRY', 'SENDING') AND "nextAttemptAt" <= $1 LIMIT 1`,
    at,
  );
  if (waiting.length === 0) return [];
  const lease = new Date(at.getTime() + CLAIM_LEASE_MS);
  const rows = await queryRows(
    prisma,
    z.object({ id: z.bigint() }),
    `UPDATE "${table}" SET state = 'SENDING', attempts = attempts + 1, "nextAttemptAt" = $1
     WHERE id IN (
       SELECT id FROM "${table}"
       WHERE state IN ('PENDING', 'RETRY', 'SENDING') AND "nextAttemptAt" <= $2
       ORDER BY "nextAttemptAt", id
       LIMIT $3
       FOR UPDATE SKIP LOCKED
     )
     RETURNING id`,
    lease,
    at,
    limit,
  );
  return rows.map((r) => r.id);
}

export async function markSent(
  prisma: PrismaClient,
  table: LedgerTable,
  id: bigint,
  at: Date,
  channel: string,
  ts: string,
): Promise<void> {
  await prisma.$executeRawUnsafe(
    `UPDATE "${table}" SET state = 'SENT', "sentAt" = $2, channel = $3, "messageTs" = $4, "lastError" = NULL WHERE id = $1`,
    id,
    at,
    channel,
    ts,
  );
}

/** Records a failed attempt: RETRY with backoff (or Retry-After), or FAILED for good. */
export async function markFailed(
  prisma: PrismaClient,
  table: LedgerTable,
  id: bigint,
  attempts: number,
  at: Date,
  error: unknown,
): Promise<SendFailure> {
  const failure = classifySendError(error);
  if (failure.kind === 'permanent') {
    await prisma.$executeRawUnsafe(
      `UPDATE "${table}" SET state = 'FAILED', "lastError" = $2 WHERE id = $1`,
      id,
      failure.code,
    );
  } else {
    // Slack's Retry-After is the wait it asked for; only other failures back off by attempt.
    const wait = failure.retryAfterMs ?? backoffMs(attempts);
    await prisma.$executeRawUnsafe(
      `UPDATE "${table}" SET state = 'RETRY', "lastError" = $2, "nextAttemptAt" = $3 WHERE id = $1`,
      id,
      failure.code,
      new Date(at.getTime() + wait),
    );
  }
  return failure;
}

export const LEDGER_METADATA_EVENT = 'tiltak_delivery';

/** Message metadata that carries the ledger key, so a send can be recognised later. */
export function ledgerMetadata(key: string) {
  return { event_type: LEDGER_METADATA_EVENT, event_payload: { ledger_key: key } };
}

/**
 * After a crash between Slack accepting a message and the ledger recording
 * it, the message is in the channel: find it by the key in its metadata
 * before sending again. Returns its ts, or null when it was never posted.
 */
export async function findPostedMessage(
  slack: WebClient,
  channel: string,
  key: string,
  since: Date,
): Promise<string | null> {
  let cursor: string | undefined;
  const oldest = String(Math.floor(since.getTime() / 1000) - 60);
  for (let page = 0; page < 10; page++) {
    const result = await slack.conversations.history({
      channel,
      oldest,
      limit: 200,
      include_all_metadata: true,
      ...(cursor ? { cursor } : {}),
    });
    for (const message of result.messages ?? []) {
      const payload = message.metadata?.event_payload as { ledger_key?: unknown } | undefined;
      if (message.metadata?.event_type === LEDGER_METADATA_EVENT && payload?.ledger_key === key && message.ts)
        return message.ts;
    }
    cursor = result.response_metadata?.next_cursor || undefined;
    if (cursor === undefined) return null;
  }
  return null;
}

/** A recorded message that no longer applies (the pair reported, the round closed): kept, never sent. */
export async function markSkipped(prisma: PrismaClient, table: LedgerTable, id: bigint, reason: string): Promise<void> {
  await prisma.$executeRawUnsafe(`UPDATE "${table}" SET state = 'SKIPPED', "lastError" = $2 WHERE id = $1`, id, reason);
}

/**
 * Hands claimed rows back untried, e.g. when Slack rate-limits the rest of a
 * batch: they wait until `until` and the claim does not count as an attempt.
 */
export async function releaseClaims(
  prisma: PrismaClient,
  table: LedgerTable,
  ids: readonly bigint[],
  until: Date,
): Promise<void> {
  if (ids.length === 0) return;
  await prisma.$executeRawUnsafe(
    `UPDATE "${table}" SET state = 'RETRY', attempts = GREATEST(attempts - 1, 0), "nextAttemptAt" = $2
     WHERE id = ANY($1::bigint[]) AND state = 'SENDING'`,
    ids,
    until,
  );
}

/**
 * Renews a claim just before its send, fenced by the attempt count the claim
 * returned: if the lease ran out while earlier rows of a long batch were
 * being sent and another instance has claimed the row since (bumping the
 * count), this answers false and the row is left to that instance.
 */
export class ClaimLostError extends Error {
  constructor(readonly id: bigint) {
    super(`ledger row ${id} was taken over by another instance`);
    this.name = 'ClaimLostError';
  }
}

/**
 * The instant a long-running send stands at: the tick's instant plus the
 * whole seconds spent since, so leases move forward with real work even
 * when the tick's instant is a simulated one.
 */
export function elapsedClock(at: Date, started = performance.now()): () => Date {
  return () => new Date(at.getTime() + Math.floor((performance.now() - started) / 1000) * 1000);
}

export async function renewClaim(
  prisma: PrismaClient,
  table: LedgerTable,
  id: bigint,
  attempts: number,
  now: Date,
): Promise<boolean> {
  const renewed = await prisma.$executeRawUnsafe(
    `UPDATE "${table}" SET "nextAttemptAt" = $3 WHERE id = $1 AND attempts = $2 AND state = 'SENDING'`,
    id,
    attempts,
    new Date(now.getTime() + CLAIM_LEASE_MS),
  );
  return renewed === 1;
}
