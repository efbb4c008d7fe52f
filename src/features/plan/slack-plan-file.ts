import { createHash } from 'node:crypto';
import type { WebClient } from '@slack/web-api';
import type { Config } from '../../kernel/config.js';
import { classifySendError } from '../../kernel/slack/slack-errors.js';
import type { LookupEmail } from './resolve-people.js';

/** Far above any plan (the bundled one is 20 kB), far below what would hurt to hold in memory. */
const MAX_BYTES = 1_000_000;
const YAML_NAME = /\.ya?ml$/iu;

export type SharedFile =
  | { ok: true; id: string; name: string; text: string; digest: string }
  | { ok: false; reason: 'no_file' | 'too_large' | 'not_text' | 'not_yours' | 'download_failed' };

/** A fingerprint of the file's text: the confirm button applies only the text that was previewed. */
const digestOf = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 32);

/** The newest YAML file the user shared in their DM with the bot, among the last 50 messages there. */
export async function newestSharedPlanFile(client: WebClient, userId: string): Promise<string | null> {
  const dm = await client.conversations.open({ users: userId });
  const channel = dm.channel?.id;
  if (channel === undefined) return null;
  const history = await client.conversations.history({ channel, limit: 50 });
  for (const message of history.messages ?? []) {
    if (message.user !== userId) continue;
    const file = (message.files ?? []).find((f) => YAML_NAME.test(f.name ?? ''));
    if (file?.id !== undefined) return file.id;
  }
  return null;
}

/**
 * Reads a file the user shared: its metadata through files.info, its bytes from
 * url_private with the bot token. The token goes only to Slack's file host or
 * the Web API's own origin (a test's fake Slack), never to a URL elsewhere.
 */
export async function readSharedFile(
  client: WebClient,
  config: Pick<Config, 'SLACK_BOT_TOKEN' | 'SLACK_API_URL'>,
  fileId: string,
  userId: string,
): Promise<SharedFile> {
  let info: Awaited<ReturnType<WebClient['files']['info']>>;
  try {
    info = await client.files.info({ file: fileId });
  } catch (error) {
    if (classifySendError(error).code === 'file_not_found') return { ok: false, reason: 'no_file' };
    throw error;
  }
  const file = info.file;
  if (file === undefined || file.id === undefined) return { ok: false, reason: 'no_file' };
  if (file.user !== userId) return { ok: false, reason: 'not_yours' };
  if ((file.size ?? 0) > MAX_BYTES) return { ok: false, reason: 'too_large' };
  const url = file.url_private_download ?? file.url_private;
  if (url === undefined || !trustedFileUrl(url, config.SLACK_API_URL)) return { ok: false, reason: 'download_failed' };
  const response = await fetch(url, {
    headers: { authorization: `Bearer ${config.SLACK_BOT_TOKEN}` },
    redirect: 'error',
    signal: AbortSignal.timeout(10_000),
  }).catch(() => null);
  if (response === null || !response.ok) return { ok: false, reason: 'download_failed' };
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.length > MAX_BYTES) return { ok: false, reason: 'too_large' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, reason: 'not_text' };
  }
  return { ok: true, id: file.id, name: file.name ?? fileId, text, digest: digestOf(text) };
}

function trustedFileUrl(url: string, apiUrl: string | undefined): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'https:' && parsed.hostname === 'files.slack.com') return true;
  return apiUrl !== undefined && parsed.origin === new URL(apiUrl).origin;
}

/** users.lookupByEmail as the import's lookup: an address nobody has is null, any other failure throws. */
export function slackEmailLookup(client: WebClient): LookupEmail {
  return async (email) => {
    try {
      const result = await client.users.lookupByEmail({ email });
      return result.user?.id ?? null;
    } catch (error) {
      if (classifySendError(error).code === 'users_not_found') return null;
      throw error;
    }
  };
}
