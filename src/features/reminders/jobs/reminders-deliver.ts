import type { WebClient } from '@slack/web-api';
import type { PrismaClient } from '../../../generated/prisma/client.js';
import {
  claimDue,
  elapsedClock,
  findPostedMessage,
  ledgerMetadata,
  markFailed,
  markSent,
  markSkipped,
  releaseClaims,
  renewClaim,
} from '../../../kernel/jobs/ledger.js';
import type { Logger } from '../../../kernel/logger.js';
import { backoffMs } from '../../../kernel/slack/slack-errors.js';
import type { LadderSettings } from '../../plan/index.js';
import { describeRecorded } from './reminders-content.js';
import { renderReminder } from './reminders-render.js';
import type { ReminderState } from './reminders-state.js';

const TABLE = 'ReminderLedger';
const BATCH = 50;

export interface DeliveryContext {
  prisma: PrismaClient;
  slack: WebClient;
  logger: Logger;
  settings: LadderSettings;
  state: ReminderState;
  at: Date;
  /** Wall-clock time one run may spend sending; what is left waits for the next tick. */
  budgetMs?: number;
}

export interface DeliveryResult {
  lines: string[];
  sent: number;
  failedForGood: number;
}

type Outcome = { kind: 'done' } | { kind: 'rate_limited'; until: Date };

/**
 * Sends every recorded message that is due, one claimed batch at a time.
 * Each row is checked again first (it may no longer apply), and a row that
 * was claimed before looks for its message in Slack before sending, so a
 * crash between Slack's answer and markSent never doubles a message.
 */
export async function deliverDue(ctx: DeliveryContext): Promise<DeliveryResult> {
  const result: DeliveryResult = { lines: [], sent: 0, failedForGood: 0 };
  const started = performance.now();
  const clock = elapsedClock(ctx.at, started);
  const dms = new Map<string, string>();
  while (performance.now() - started < (ctx.budgetMs ?? 40_000)) {
    const ids = await claimDue(ctx.prisma, TABLE, ctx.at, BATCH);
    if (ids.length === 0) break;
    const rows = await ctx.prisma.reminderLedger.findMany({ where: { id: { in: ids } }, orderBy: { id: 'asc' } });
    for (const [i, row] of rows.entries()) {
      // A slow Slack can outlast a lease: renew it, unless another instance has taken the row.
      if (!(await renewClaim(ctx.prisma, TABLE, row.id, row.attempts, clock()))) {
        result.lines.push(`left to another instance ${row.key}`);
        continue;
      }
      const outcome = await deliverOne(ctx, row, dms, result);
      if (outcome.kind === 'rate_limited') {
        // Slack asked us to slow down: the rest of the batch waits rather than hammering on.
        await releaseClaims(
          ctx.prisma,
          TABLE,
          rows.slice(i + 1).map((r) => r.id),
          outcome.until,
        );
        return result;
      }
    }
  }
  return result;
}

interface Row {
  id: bigint;
  key: string;
  step: number;
  period: string;
  measureId: number;
  agencyId: number;
  recipient: string;
  attempts: number;
  createdAt: Date;
}

async function deliverOne(
  ctx: DeliveryContext,
  row: Row,
  dms: Map<string, string>,
  result: DeliveryResult,
): Promise<Outcome> {
  const verdict = describeRecorded(row, ctx.state, ctx.settings, ctx.at);
  if ('skip' in verdict) {
    await markSkipped(ctx.prisma, TABLE, row.id, verdict.skip);
    result.lines.push(`skipped ${row.key}: ${verdict.skip}`);
    return { kind: 'done' };
  }
  const message = renderReminder(verdict.send, ctx.state.directory.language(row.recipient), ctx.settings);
  let channel: string;
  let ts: string;
  try {
    channel = dms.get(row.recipient) ?? (await openDm(ctx.slack, row.recipient));
    dms.set(row.recipient, channel);
    if (row.attempts > 1) {
      const posted = await findPostedMessage(ctx.slack, channel, row.key, row.createdAt);
      if (posted !== null) {
        await markSent(ctx.prisma, TABLE, row.id, ctx.at, channel, posted);
        result.lines.push(`found already sent ${row.key}`);
        return { kind: 'done' };
      }
    }
    const posted = await ctx.slack.chat.postMessage({
      channel,
      text: message.text,
      blocks: message.blocks,
      metadata: ledgerMetadata(row.key),
    });
    ts = posted.ts ?? '';
  } catch (error) {
    const failure = await markFailed(ctx.prisma, TABLE, row.id, row.attempts, ctx.at, error);
    ctx.logger.warn({ key: row.key, code: failure.code, kind: failure.kind }, 'reminder not delivered');
    if (failure.kind === 'permanent') {
      result.failedForGood++;
      result.lines.push(`failed for good ${row.key}: ${failure.code}`);
      return { kind: 'done' };
    }
    result.lines.push(`will retry ${row.key}: ${failure.code}`);
    if (failure.code !== 'ratelimited') return { kind: 'done' };
    // The same wait markFailed gave this row, so the batch resumes together.
    return {
      kind: 'rate_limited',
      until: new Date(ctx.at.getTime() + Math.max(failure.retryAfterMs ?? 0, backoffMs(row.attempts))),
    };
  }
  // Slack has the message. A crash before this line leaves the row SENDING; its lease runs out and the
  // next claim finds the message by its metadata instead of sending it again.
  await markSent(ctx.prisma, TABLE, row.id, ctx.at, channel, ts);
  result.sent++;
  result.lines.push(`sent ${row.key}`);
  return { kind: 'done' };
}

async function openDm(slack: WebClient, user: string): Promise<string> {
  const opened = await slack.conversations.open({ users: user });
  const id = opened.channel?.id;
  if (id === undefined) throw new Error('conversations.open returned no channel');
  return id;
}
