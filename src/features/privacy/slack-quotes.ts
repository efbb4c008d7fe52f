import type { WebClient } from '@slack/web-api';
import type { Update } from '../../generated/prisma/client.js';
import type { Deps } from '../../kernel/deps.js';
import { classifySendError } from '../../kernel/slack/slack-errors.js';
import { REDACTED } from './contract.js';
import { scrubMessage } from './scrub-text.js';

/** A message of the bot's that quoted the text and could not be edited, with why (a Slack error code). */
interface UnscrubbedMessage {
  kind: 'confirmation' | 'digest';
  channel: string;
  ts: string;
  why: string;
  permalink: string | null;
}

export interface ScrubOutcome {
  updated: number;
  failed: UnscrubbedMessage[];
}

interface Found {
  kind: UnscrubbedMessage['kind'];
  channel: string;
  ts: string;
  message: { text?: string | undefined; blocks?: unknown[] | undefined } | null;
}

/** The most thread pages read per digest: a digest thread is a handful of replies. */
const MAX_PAGES = 10;

/**
 * Edits the bot's own messages that quoted a redacted text: the confirmation
 * DMs (QuotedMessage) and the digest threads of the measure's focus area sent
 * since the update (DigestLedger). Slack lets a bot edit its own messages, but
 * not every one (a deleted message, an archived channel, a lost membership):
 * those are returned for the admin to deal with by hand.
 */
export async function scrubSlackQuotes(
  deps: Deps,
  client: WebClient,
  update: Update,
  removed: readonly string[],
): Promise<ScrubOutcome> {
  const outcome: ScrubOutcome = { updated: 0, failed: [] };
  if (removed.length === 0) return outcome;
  const found = [...(await confirmations(deps, client, update.id)), ...(await digestReplies(deps, client, update))];
  for (const item of found) {
    const fail = async (why: string) => outcome.failed.push({ ...item, why, permalink: await permalink(client, item) });
    if (item.message === null) {
      await fail('message_not_found');
      continue;
    }
    const scrubbed = scrubMessage(
      { text: item.message.text ?? '', blocks: item.message.blocks ?? [] },
      removed,
      REDACTED,
    );
    if (!scrubbed.changed) continue;
    try {
      await client.chat.update({
        channel: item.channel,
        ts: item.ts,
        text: scrubbed.text,
        ...(scrubbed.blocks.length > 0 ? { blocks: scrubbed.blocks as never } : {}),
      });
      outcome.updated++;
    } catch (error) {
      await fail(classifySendError(error).code);
    }
  }
  return outcome;
}

async function confirmations(deps: Deps, client: WebClient, updateId: number): Promise<Found[]> {
  const rows = await deps.prisma.quotedMessage.findMany({ where: { updateId }, orderBy: { id: 'asc' } });
  const out: Found[] = [];
  for (const row of rows) {
    const base = { kind: 'confirmation' as const, channel: row.channel, ts: row.ts };
    try {
      const page = await client.conversations.history({
        channel: row.channel,
        latest: row.ts,
        inclusive: true,
        limit: 1,
      });
      const message = page.messages?.find((m) => m.ts === row.ts);
      out.push({ ...base, message: message === undefined ? null : { text: message.text, blocks: message.blocks } });
    } catch {
      out.push({ ...base, message: null });
    }
  }
  return out;
}

async function digestReplies(deps: Deps, client: WebClient, update: Update): Promise<Found[]> {
  const measure = await deps.prisma.measure.findUnique({
    where: { id: update.measureId },
    select: { focusAreaId: true },
  });
  if (measure?.focusAreaId == null) return [];
  const digests = await deps.prisma.digestLedger.findMany({
    where: { focusAreaId: measure.focusAreaId, state: 'SENT', sentAt: { gte: update.createdAt } },
    orderBy: { id: 'asc' },
  });
  const out: Found[] = [];
  for (const digest of digests) {
    if (digest.channel === null || digest.messageTs === null) continue;
    const channel = digest.channel;
    let cursor: string | undefined;
    try {
      for (let page = 0; page < MAX_PAGES; page++) {
        const result = await client.conversations.replies({
          channel,
          ts: digest.messageTs,
          limit: 200,
          ...(cursor ? { cursor } : {}),
        });
        for (const m of result.messages ?? [])
          if (m.ts !== undefined)
            out.push({ kind: 'digest', channel, ts: m.ts, message: { text: m.text, blocks: m.blocks } });
        cursor = result.response_metadata?.next_cursor || undefined;
        if (cursor === undefined) break;
      }
    } catch {
      out.push({ kind: 'digest', channel, ts: digest.messageTs, message: null });
    }
  }
  return out;
}

async function permalink(client: WebClient, item: { channel: string; ts: string }): Promise<string | null> {
  try {
    const result = await client.chat.getPermalink({ channel: item.channel, message_ts: item.ts });
    return result.permalink ?? null;
  } catch {
    return null;
  }
}
