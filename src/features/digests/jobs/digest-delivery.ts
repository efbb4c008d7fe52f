import type { WebClient } from '@slack/web-api';
import type { DigestLedger, FocusArea, Plan } from '../../../generated/prisma/client.js';
import type { Deps } from '../../../kernel/deps.js';
import { messages } from '../../../kernel/i18n/index.js';
import {
  ClaimLostError,
  elapsedClock,
  findPostedMessage,
  ledgerMetadata,
  markFailed,
  markSent,
  renewClaim,
} from '../../../kernel/jobs/ledger.js';
import { classifySendError } from '../../../kernel/slack/slack-errors.js';
import { buildDigest } from '../build-digest.js';
import { postDigest } from '../post-digest.js';
import { areaSchedule, dueAt, weekPeriod } from '../schedule.js';
import { composeDigest } from '../views/compose.js';
import { digestLedgerKey, isNoChannelPeriod } from './digest-due.js';
import { holdForInvite, isUnreachableChannel } from './digest-unreachable.js';

export type ClaimedDigest = DigestLedger & { focusArea: FocusArea };

/** Channel digests are written in the plan's first language. */
const CHANNEL_LANG = 'nb';

/** Sends one claimed ledger row (a weekly digest or a no-channel notice); returns the report line. */
export async function deliverClaimed(
  deps: Deps,
  slack: WebClient,
  plan: Plan,
  row: ClaimedDigest,
  at: Date,
): Promise<string> {
  const label = `area ${row.focusArea.number} ${row.period}`;
  try {
    const sent = isNoChannelPeriod(row.period)
      ? await sendNotice(slack, row, at)
      : await sendDigest(deps, slack, plan, row, at);
    if (sent === null) return `${label}: skipped, no channel`;
    await markSent(deps.prisma, 'DigestLedger', row.id, at, sent.channel, sent.ts);
    return `${label}: sent to ${sent.channel}${row.late ? ' (late)' : ''}`;
  } catch (error) {
    if (error instanceof ClaimLostError) return `${label}: left to another instance`;
    const refused = classifySendError(error);
    if (!isNoChannelPeriod(row.period) && refused.kind === 'permanent' && isUnreachableChannel(refused.code)) {
      await holdForInvite(deps, row, refused.code, at);
      deps.logger.warn(
        { area: row.focusArea.number, period: row.period, code: refused.code },
        'digest waits for an invitation',
      );
      return `${label}: waits for the bot to be invited (${refused.code})`;
    }
    const failure = await markFailed(deps.prisma, 'DigestLedger', row.id, row.attempts, at, error);
    deps.logger.warn({ err: error, area: row.focusArea.number, period: row.period, failure }, 'digest not sent');
    return `${label}: ${failure.kind === 'retry' ? 'will retry' : 'failed'} (${failure.code})`;
  }
}

async function sendDigest(
  deps: Deps,
  slack: WebClient,
  plan: Plan,
  row: ClaimedDigest,
  at: Date,
): Promise<{ channel: string; ts: string } | null> {
  const { prisma, config, logger } = deps;
  const target = row.channel ?? row.focusArea.channel ?? config.COORDINATOR_CHANNEL ?? null;
  if (target === null) {
    await prisma.digestLedger.update({ where: { id: row.id }, data: { state: 'SKIPPED', lastError: 'no_channel' } });
    return null;
  }
  // A large thread can outlast the claim's lease; each message renews it.
  const clock = elapsedClock(at);
  const digest = await buildDigest(prisma, config, row.focusAreaId, weekPeriod(row.period, config.TZ_PLAN));
  const lateDueAt = row.late ? dueAt(row.period, areaSchedule(plan, row.focusArea), config.TZ_PLAN) : null;
  const composed = await composeDigest(digest, { lang: CHANNEL_LANG, timeZone: config.TZ_PLAN, logger, lateDueAt });
  return postDigest(slack, target, composed, {
    key: digestLedgerKey(row.focusAreaId, row.period),
    mainTs: row.messageTs,
    resume: row.attempts > 1 || row.messageTs !== null,
    since: row.createdAt,
    logger,
    // Recorded before the rest of the thread, so a retry continues there instead of starting over.
    onMainPosted: async (channel, ts) => {
      if (row.messageTs === null)
        await prisma.digestLedger.update({ where: { id: row.id }, data: { channel, messageTs: ts } });
    },
    onProgress: async () => {
      if (!(await renewClaim(prisma, 'DigestLedger', row.id, row.attempts, clock()))) throw new ClaimLostError(row.id);
    },
  });
}

/** The once-only word to a coordinator that a focus area's digest has nowhere to go. */
async function sendNotice(slack: WebClient, row: ClaimedDigest, at: Date): Promise<{ channel: string; ts: string }> {
  const user = row.period.slice(row.period.lastIndexOf(':') + 1);
  const opened = await slack.conversations.open({ users: user });
  const channel = opened.channel?.id;
  if (!channel) throw new Error('conversations.open returned no channel');
  const key = digestLedgerKey(row.focusAreaId, row.period);
  if (row.attempts > 1) {
    const ts = await findPostedMessage(slack, channel, key, row.createdAt);
    if (ts !== null) return { channel, ts };
  }
  const m = messages(CHANNEL_LANG).digest;
  const { number, titleNb } = row.focusArea;
  const notIn = /^not-in-channel:([^:]+):/u.exec(row.period)?.[1];
  const text = notIn === undefined ? m.noChannelNotice(number, titleNb) : m.notInChannelNotice(number, titleNb, notIn);
  const posted = await slack.chat.postMessage({ channel, text, metadata: ledgerMetadata(key) });
  if (!posted.ts) throw new Error(`chat.postMessage returned no ts (at ${at.toISOString()})`);
  return { channel: posted.channel ?? channel, ts: posted.ts };
}
