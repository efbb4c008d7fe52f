// conversations.* methods: open, history, replies.

import { publicMessage } from './api-chat.js';
import { type ApiHandler, fail, isUserId } from './api-handler.js';
import type { Json } from './block-kit-checker.js';
import { asBool, asInt, asString } from './http-io.js';
import type { StoredMessage } from './slack-state.js';

function isTopLevel(m: StoredMessage): boolean {
  return m.thread_ts === undefined || m.thread_ts === m.ts || m.reply_broadcast === true;
}

/** Applies oldest/latest/inclusive the way Slack does: both bounds exclusive by default. */
function inWindow(args: Json): (m: StoredMessage) => boolean {
  const oldest = Number(asString(args.oldest) ?? '0');
  const latestRaw = asString(args.latest);
  const latest = latestRaw === undefined || latestRaw === '' ? Number.POSITIVE_INFINITY : Number(latestRaw);
  const inclusive = asBool(args.inclusive);
  return (m) => {
    const ts = Number(m.ts);
    return inclusive ? ts >= oldest && ts <= latest : ts > oldest && ts < latest;
  };
}

function decodeCursor(cursor: unknown): number {
  const raw = asString(cursor);
  if (!raw) return 0;
  const m = /^offset:(\d+)$/.exec(Buffer.from(raw, 'base64').toString('utf8'));
  return m ? Number(m[1]) : 0;
}

function page(args: Json, all: Json[]): Json {
  const limit = Math.min(Math.max(asInt(args.limit, 100), 1), 999);
  const offset = decodeCursor(args.cursor);
  const messages = all.slice(offset, offset + limit);
  const hasMore = offset + limit < all.length;
  const nextCursor = hasMore ? Buffer.from(`offset:${offset + limit}`).toString('base64') : '';
  return { ok: true, messages, has_more: hasMore, response_metadata: { next_cursor: nextCursor } };
}

/** Thread parents carry reply bookkeeping, as on Slack. */
function withThreadInfo(m: StoredMessage, all: StoredMessage[], withMetadata: boolean): Json {
  const out = publicMessage(m, withMetadata);
  const replies = all.filter((r) => r.thread_ts === m.ts && r.ts !== m.ts);
  if (replies.length > 0) {
    out.thread_ts = m.ts;
    out.reply_count = replies.length;
    out.latest_reply = replies[replies.length - 1]?.ts;
  }
  return out;
}

const history: ApiHandler = (args, ctx) => {
  const channel = asString(args.channel);
  // A user ID is not a conversation; the bot must conversations.open first.
  if (!channel || isUserId(channel)) return fail('channel_not_found');
  const stored = ctx.state.messages.get(channel) ?? [];
  const withMetadata = asBool(args.include_all_metadata);
  const selected = stored
    .filter(isTopLevel)
    .filter(inWindow(args))
    .sort((a, b) => Number(b.ts) - Number(a.ts))
    .map((m) => withThreadInfo(m, stored, withMetadata));
  return { ...page(args, selected), pin_count: 0 };
};

const replies: ApiHandler = (args, ctx) => {
  const channel = asString(args.channel);
  const ts = asString(args.ts);
  if (!channel || isUserId(channel)) return fail('channel_not_found');
  const stored = ctx.state.messages.get(channel) ?? [];
  const parent = ts ? stored.find((m) => m.ts === ts) : undefined;
  if (!parent) return fail('thread_not_found');
  const withMetadata = asBool(args.include_all_metadata);
  const thread = stored
    .filter((m) => m === parent || m.thread_ts === parent.ts)
    .filter((m) => m === parent || inWindow(args)(m))
    .sort((a, b) => Number(a.ts) - Number(b.ts))
    .map((m) => withThreadInfo(m, stored, withMetadata));
  return page(args, thread);
};

/** A private channel the bot is not in is channel_not_found to it, as on Slack. */
const info: ApiHandler = (args, ctx) => {
  const channel = asString(args.channel);
  const known = channel === undefined ? undefined : ctx.state.channels.get(channel);
  if (channel === undefined || known === undefined) return fail('channel_not_found');
  return { ok: true, channel: { id: channel, name: known.name, is_channel: true, is_member: known.isMember } };
};

const open: ApiHandler = (args) => {
  const channel = asString(args.channel);
  if (channel) return { ok: true, channel: { id: channel } };
  const users = (asString(args.users) ?? '')
    .split(',')
    .map((u) => u.trim())
    .filter(Boolean);
  if (users.length === 0) return fail('users_list_not_supplied');
  if (users.length > 8) return fail('too_many_users');
  const id = users.length === 1 ? `D${users[0]}` : `G${users.join('')}`;
  return { ok: true, channel: { id } };
};

export const conversationHandlers: Record<string, ApiHandler> = {
  'conversations.open': open,
  'conversations.info': info,
  'conversations.history': history,
  'conversations.replies': replies,
};
