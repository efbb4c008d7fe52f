// chat.* methods: post, ephemeral, update, delete, permalink.

import { type ApiHandler, blockKitRefusal, fail, isUserId, normaliseChannel } from './api-handler.js';
import { isRecord, type Json } from './block-kit-checker.js';
import { asBool, asString } from './http-io.js';
import type { StoredMessage } from './slack-state.js';

function messageFields(args: Json): Json {
  const out: Json = {};
  for (const key of ['text', 'blocks', 'attachments'] as const) if (args[key] !== undefined) out[key] = args[key];
  return out;
}

function hasContent(args: Json): boolean {
  return ['text', 'blocks', 'attachments'].some((k) => args[k] !== undefined && args[k] !== '');
}

function metadataProblem(metadata: unknown): boolean {
  if (metadata === undefined) return false;
  return !isRecord(metadata) || typeof metadata.event_type !== 'string' || !isRecord(metadata.event_payload);
}

/** The message object as Slack echoes it back (no channel field). */
export function publicMessage(m: StoredMessage, withMetadata: boolean): Json {
  const { channel: _channel, metadata, ...rest } = m;
  const out: Json = { type: 'message', ...rest };
  if (withMetadata && metadata !== undefined) out.metadata = metadata;
  return out;
}

const postMessage: ApiHandler = (args, ctx) => {
  const raw = asString(args.channel);
  if (!raw) return fail('channel_not_found');
  if (!hasContent(args)) return fail('no_text');
  const problems = ctx.checkBlocks('chat.postMessage', 'message', args);
  if (problems.length > 0) return blockKitRefusal(problems);
  if (metadataProblem(args.metadata)) return fail('invalid_metadata_format');
  const channel = normaliseChannel(raw);
  const { identity } = ctx.state;
  const threadTs = asString(args.thread_ts);
  const message: StoredMessage = {
    channel,
    ts: ctx.state.nextTs(),
    ...messageFields(args),
    user: identity.botUserId,
    bot_id: identity.botId,
    app_id: identity.appId,
  };
  if (args.metadata !== undefined) message.metadata = args.metadata;
  if (threadTs) message.thread_ts = threadTs;
  if (threadTs && asBool(args.reply_broadcast)) message.reply_broadcast = true;
  ctx.state.channelMessages(channel).push(message);
  return { ok: true, channel, ts: message.ts, message: publicMessage(message, true) };
};

const postEphemeral: ApiHandler = (args, ctx) => {
  const raw = asString(args.channel);
  const user = asString(args.user);
  if (!raw) return fail('channel_not_found');
  if (!user) return fail('user_not_in_channel');
  if (!hasContent(args)) return fail('no_text');
  const problems = ctx.checkBlocks('chat.postEphemeral', 'message', args);
  if (problems.length > 0) return blockKitRefusal(problems);
  const ts = ctx.state.nextTs();
  ctx.state.ephemerals.push({
    channel: normaliseChannel(raw),
    user,
    ts,
    text: asString(args.text),
    blocks: args.blocks,
    thread_ts: asString(args.thread_ts),
  });
  return { ok: true, message_ts: ts };
};

/** chat.update and chat.delete need the real channel ID; a user ID fails as on Slack. */
function locate(args: Json, ctx: Parameters<ApiHandler>[1]): { found: StoredMessage } | { refusal: Json } {
  const channel = asString(args.channel);
  const ts = asString(args.ts);
  if (!channel || isUserId(channel)) return { refusal: fail('channel_not_found') };
  const found = ts ? ctx.state.findMessage(channel, ts) : undefined;
  return found ? { found } : { refusal: fail('message_not_found') };
}

const update: ApiHandler = (args, ctx) => {
  const located = locate(args, ctx);
  if ('refusal' in located) return located.refusal;
  const { found } = located;
  if (!hasContent(args)) return fail('no_text');
  const problems = ctx.checkBlocks('chat.update', 'message', args);
  if (problems.length > 0) return blockKitRefusal(problems);
  if (metadataProblem(args.metadata)) return fail('invalid_metadata_format');
  Object.assign(found, messageFields(args), { edited: { user: found.user, ts: ctx.state.nextTs() } });
  if (args.metadata !== undefined) found.metadata = args.metadata;
  return {
    ok: true,
    channel: found.channel,
    ts: found.ts,
    text: found.text ?? '',
    message: publicMessage(found, true),
  };
};

const remove: ApiHandler = (args, ctx) => {
  const located = locate(args, ctx);
  if ('refusal' in located) return located.refusal;
  const { found } = located;
  const list = ctx.state.channelMessages(found.channel);
  list.splice(list.indexOf(found), 1);
  return { ok: true, channel: found.channel, ts: found.ts };
};

const getPermalink: ApiHandler = (args, ctx) => {
  const channel = asString(args.channel);
  const ts = asString(args.message_ts);
  if (!channel) return fail('channel_not_found');
  const found = ts ? ctx.state.findMessage(channel, ts) : undefined;
  if (!found) return fail('message_not_found');
  const base = `https://${ctx.state.identity.teamDomain}.slack.com/archives/${channel}/p${found.ts.replace('.', '')}`;
  const thread = found.thread_ts && found.thread_ts !== found.ts ? `?thread_ts=${found.thread_ts}&cid=${channel}` : '';
  return { ok: true, channel, permalink: base + thread };
};

export const chatHandlers: Record<string, ApiHandler> = {
  'chat.postMessage': postMessage,
  'chat.postEphemeral': postEphemeral,
  'chat.update': update,
  'chat.delete': remove,
  'chat.getPermalink': getPermalink,
};
