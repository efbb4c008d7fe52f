import type { App } from '@slack/bolt';
import { ErrorCode } from '@slack/web-api';
import type { Logger } from '../logger.js';

const REJECTED = new Set([
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'token_expired',
  'not_allowed_token_type',
]);

export class TokenRejectedError extends Error {
  constructor(readonly slackError: string) {
    super(
      `Slack rejected SLACK_BOT_TOKEN (${slackError}). Copy the Bot User OAuth Token (xoxb-…) from the app's "OAuth & Permissions" page.`,
    );
    this.name = 'TokenRejectedError';
  }
}

export interface RetryOptions {
  firstDelayMs?: number;
  maxDelayMs?: number;
  signal?: AbortSignal;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Bolt's deferred init makes the auth.test call. A rejected token is final;
 * anything else (no route, 5xx, 429) is Slack being unreachable for now, so we
 * wait and try again rather than crash-looping under a supervisor.
 */
export async function initWithRetry(app: App, logger: Logger, options: RetryOptions = {}): Promise<void> {
  const sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  let delay = options.firstDelayMs ?? 1_000;
  const maxDelay = options.maxDelayMs ?? 60_000;
  for (let attempt = 1; ; attempt++) {
    try {
      await app.init();
      return;
    } catch (error) {
      const rejected = rejection(error);
      if (rejected !== null) throw new TokenRejectedError(rejected);
      if (options.signal?.aborted) throw error;
      logger.warn({ attempt, retryInMs: delay, code: codeOf(error) }, 'Slack is not reachable yet; retrying auth.test');
      await sleep(delay);
      delay = Math.min(delay * 2, maxDelay);
    }
  }
}

function rejection(error: unknown): string | null {
  if (codeOf(error) !== ErrorCode.PlatformError) return null;
  const data = (error as { data?: { error?: unknown } }).data;
  const slackError = typeof data?.error === 'string' ? data.error : '';
  return REJECTED.has(slackError) ? slackError : null;
}

function codeOf(error: unknown): unknown {
  return error !== null && typeof error === 'object' && 'code' in error ? error.code : undefined;
}
