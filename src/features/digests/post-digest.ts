import type { WebClient } from '@slack/web-api';
import { findPostedMessage, ledgerMetadata } from '../../kernel/jobs/ledger.js';
import type { Logger } from '../../kernel/logger.js';
import { classifySendError } from '../../kernel/slack/slack-errors.js';
import type { DigestMessages } from './views/compose.js';

export interface PostOptions {
  /** The ledger key; null for a digest sent on request, which no ledger tracks. */
  key: string | null;
  /** The main message, when an earlier attempt already posted it. */
  mainTs: string | null;
  /** An earlier attempt may have got further than the ledger knows: look in Slack before posting. */
  resume: boolean;
  /** When this attempt began looking: the oldest a lost main message can be. */
  since: Date;
  logger: Logger;
  /** Called as soon as Slack accepted the main message, so a retry continues in its thread. */
  onMainPosted?(channel: string, ts: string): Promise<void>;
  /** Called after each further message, so the sender can keep its claim on the ledger row. */
  onProgress?(): Promise<void>;
}

const partKey = (key: string, part: number) => `${key}#${part}`;

/**
 * Posts a digest: the main message, then the chart and the replies in its
 * thread. Every message carries its ledger key as metadata, so an attempt
 * after a crash or a 429 finds what Slack already accepted and posts only
 * the rest: the main message is never doubled.
 */
export async function postDigest(
  slack: WebClient,
  target: string,
  messages: DigestMessages,
  options: PostOptions,
): Promise<{ channel: string; ts: string }> {
  const { key } = options;
  let channel = target;
  let ts = options.mainTs;
  if (ts === null && key !== null && options.resume) ts = await findPostedMessage(slack, channel, key, options.since);
  if (ts === null) {
    const posted = await slack.chat.postMessage({
      channel,
      text: messages.main.text,
      blocks: messages.main.blocks,
      unfurl_links: false,
      ...(key === null ? {} : { metadata: ledgerMetadata(key) }),
    });
    ts = posted.ts ?? null;
    channel = posted.channel ?? channel;
    if (ts === null) throw new Error('chat.postMessage returned no ts');
  }
  await options.onMainPosted?.(channel, ts);

  const already =
    key !== null && options.resume
      ? await threadContents(slack, channel, ts)
      : { keys: new Set<string>(), hasFile: false };
  if (messages.chart !== null && !already.hasFile) {
    try {
      await slack.files.uploadV2({
        channel_id: channel,
        thread_ts: ts,
        file: messages.chart.png,
        filename: messages.chart.filename,
        title: messages.chart.title,
        alt_text: messages.chart.altText,
      });
    } catch (error) {
      // A chart Slack will never take (scope, file type) must not hold back the words; anything else is retried.
      if (classifySendError(error).kind === 'retry') throw error;
      options.logger.warn({ err: error, channel }, 'digest chart refused; posting the digest without it');
    }
    await options.onProgress?.();
  }
  for (const [i, reply] of messages.replies.entries()) {
    const replyKey = key === null ? null : partKey(key, i + 1);
    if (replyKey !== null && already.keys.has(replyKey)) continue;
    await slack.chat.postMessage({
      channel,
      thread_ts: ts,
      text: reply.text,
      blocks: reply.blocks,
      unfurl_links: false,
      ...(replyKey === null ? {} : { metadata: ledgerMetadata(replyKey) }),
    });
    await options.onProgress?.();
  }
  return { channel, ts };
}

/** The ledger keys of the replies already in a thread, and whether the chart is there. */
async function threadContents(
  slack: WebClient,
  channel: string,
  ts: string,
): Promise<{ keys: Set<string>; hasFile: boolean }> {
  const keys = new Set<string>();
  let hasFile = false;
  let cursor: string | undefined;
  for (let page = 0; page < 20; page++) {
    const result = await slack.conversations.replies({
      channel,
      ts,
      limit: 200,
      include_all_metadata: true,
      ...(cursor ? { cursor } : {}),
    });
    for (const message of result.messages ?? []) {
      if (message.ts === ts) continue;
      if ((message.files ?? []).length > 0) hasFile = true;
      const payload = message.metadata?.event_payload as { ledger_key?: unknown } | undefined;
      if (typeof payload?.ledger_key === 'string') keys.add(payload.ledger_key);
    }
    cursor = result.response_metadata?.next_cursor || undefined;
    if (cursor === undefined) break;
  }
  return { keys, hasFile };
}
