// files.* (upload v2 flow: getUploadURLExternal -> POST bytes -> completeUploadExternal).

import { type ApiHandler, blockKitRefusal, fail, normaliseChannel } from './api-handler.js';
import { isRecord } from './block-kit-checker.js';
import { asInt, asString, parseBody } from './http-io.js';
import type { SlackState, StoredFile, StoredMessage } from './slack-state.js';

const getUploadURLExternal: ApiHandler = (args, ctx) => {
  const filename = asString(args.filename);
  const length = asInt(args.length, -1);
  if (!filename) return fail('invalid_arguments', { errors: ['filename is required'] });
  if (length < 0) return fail('invalid_arguments', { errors: ['length is required'] });
  const id = ctx.state.nextId('F');
  ctx.state.files.push({ id, filename, length, alt_text: asString(args.alt_text), completed: false });
  return { ok: true, upload_url: `${ctx.origin}/upload/${id}`, file_id: id };
};

/**
 * Stores the bytes POSTed to an upload_url. WebClient sends them as a
 * multipart part (field "body"); raw bodies are accepted too.
 */
export async function storeUpload(
  state: SlackState,
  fileId: string,
  contentType: string | undefined,
  raw: Buffer,
): Promise<StoredFile | undefined> {
  const file = state.files.find((f) => f.id === fileId);
  if (!file) return undefined;
  if ((contentType ?? '').startsWith('multipart/form-data')) {
    const parts = await parseBody(contentType, raw);
    const bytes = Object.values(parts).find((v): v is Buffer => Buffer.isBuffer(v));
    file.bytes = bytes ?? Buffer.alloc(0);
  } else {
    file.bytes = raw;
  }
  return file;
}

const completeUploadExternal: ApiHandler = (args, ctx) => {
  if (!Array.isArray(args.files) || args.files.length === 0) {
    return fail('invalid_arguments', { errors: ['files is required'] });
  }
  if (args.blocks !== undefined) {
    const problems = ctx.checkBlocks('files.completeUploadExternal', 'message', { blocks: args.blocks });
    if (problems.length > 0) return blockKitRefusal(problems);
  }
  const completed: StoredFile[] = [];
  for (const entry of args.files) {
    const id = isRecord(entry) ? asString(entry.id) : undefined;
    const file = ctx.state.files.find((f) => f.id === id);
    if (!file) return fail('file_not_found');
    if (!file.bytes) return fail('file_upload_not_found');
    completed.push(file);
  }
  const channelArg = asString(args.channel_id) ?? asString(args.channels);
  const channel = channelArg ? normaliseChannel(channelArg) : undefined;
  const threadTs = asString(args.thread_ts);
  args.files.forEach((entry, i) => {
    const file = completed[i];
    if (!file) return;
    file.completed = true;
    file.title = (isRecord(entry) ? asString(entry.title) : undefined) ?? file.filename;
    file.channel_id = channel;
    file.thread_ts = threadTs;
    file.initial_comment = asString(args.initial_comment);
  });
  if (channel) shareInChannel(ctx.state, channel, completed, asString(args.initial_comment), threadTs);
  return {
    ok: true,
    files: completed.map((f) => ({ id: f.id, name: f.filename, title: f.title, size: f.bytes?.length ?? 0 })),
  };
};

/** Slack shares completed uploads as a message in the channel (or thread). */
function shareInChannel(
  state: SlackState,
  channel: string,
  files: StoredFile[],
  comment?: string,
  threadTs?: string,
): void {
  const { identity } = state;
  const message: StoredMessage = {
    channel,
    ts: state.nextTs(),
    text: comment ?? '',
    files: files.map((f) => ({ id: f.id, name: f.filename, title: f.title ?? f.filename })),
    user: identity.botUserId,
    bot_id: identity.botId,
    app_id: identity.appId,
  };
  if (threadTs) message.thread_ts = threadTs;
  state.channelMessages(channel).push(message);
}

/** Where a file's bytes are served: url_private(_download), which wants the bot token as Slack's does. */
export const privateFilePath = (file: StoredFile) => `/files-pri/${file.id}/${encodeURIComponent(file.filename)}`;

const info: ApiHandler = (args, ctx) => {
  const id = asString(args.file);
  const file = ctx.state.files.find((f) => f.id === id && f.completed);
  if (!file) return fail('file_not_found');
  const url = `${ctx.origin}${privateFilePath(file)}`;
  return {
    ok: true,
    file: {
      id: file.id,
      name: file.filename,
      title: file.title ?? file.filename,
      size: file.bytes?.length ?? 0,
      user: file.user,
      url_private: url,
      url_private_download: `${url}?download=1`,
    },
  };
};

export const fileHandlers: Record<string, ApiHandler> = {
  'files.info': info,
  'files.getUploadURLExternal': getUploadURLExternal,
  'files.completeUploadExternal': completeUploadExternal,
};
