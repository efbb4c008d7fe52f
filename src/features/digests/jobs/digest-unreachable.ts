import type { Deps } from '../../../kernel/deps.js';
import { notInChannelPeriod } from './digest-due.js';

/** How often a digest held for an invitation tries its channel again. */
const INVITE_RETRY_MS = 15 * 60_000;
const UNREACHABLE = new Set(['not_in_channel', 'channel_not_found']);

/** Slack's answer when the bot is not in the channel, or cannot see it (a private one it was never invited to). */
export const isUnreachableChannel = (code: string): boolean => UNREACHABLE.has(code);

/**
 * A digest whose channel the bot is not in is not lost: its row waits and
 * tries again every quarter hour, so it goes out once someone invites the bot.
 * The coordinators are told once per channel (one notice row each, keyed by
 * the channel, so the next week's failure adds none).
 */
export async function holdForInvite(
  deps: Deps,
  row: { id: bigint; focusAreaId: number; channel: string | null; focusArea: { channel: string | null } },
  code: string,
  at: Date,
): Promise<void> {
  const { prisma } = deps;
  await prisma.digestLedger.update({
    where: { id: row.id },
    data: { state: 'RETRY', lastError: code, nextAttemptAt: new Date(at.getTime() + INVITE_RETRY_MS) },
  });
  const channel = row.channel ?? row.focusArea.channel ?? deps.config.COORDINATOR_CHANNEL ?? null;
  if (channel === null) return;
  const coordinators = await prisma.person.findMany({
    where: { role: { in: ['COORDINATOR', 'ADMIN'] }, active: true },
    select: { slackId: true },
  });
  await prisma.digestLedger.createMany({
    data: coordinators.map((c) => ({
      focusAreaId: row.focusAreaId,
      period: notInChannelPeriod(channel, c.slackId),
      nextAttemptAt: at,
      createdAt: at,
    })),
    skipDuplicates: true,
  });
}
