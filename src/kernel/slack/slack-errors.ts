import { ErrorCode } from '@slack/web-api';
import { classifySlackFailure } from './slack-failure.js';

/** Errors that no retry will cure: the recipient or the message itself is the problem. */
const PERMANENT = new Set([
  'user_not_found',
  'users_not_found',
  'account_inactive',
  'user_disabled',
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'cannot_dm_bot',
  'invalid_blocks',
  'invalid_arguments',
  'msg_too_long',
  'no_text',
  'restricted_action',
  'ekm_access_denied',
  'invalid_auth',
  'not_authed',
  'token_revoked',
  'missing_scope',
]);

export type SendFailure =
  | { kind: 'retry'; code: string; retryAfterMs: number | null }
  | { kind: 'permanent'; code: string };

/**
 * Whether a failed send is worth another try, read off the one classifier of
 * Slack failures: a busy or unreachable Slack is, a recipient or message that
 * Slack refused is not. The codes are what the ledgers record as lastError.
 */
export function classifySendError(error: unknown): SendFailure {
  const failure = classifySlackFailure(error);
  switch (failure.kind) {
    case 'http':
      return failure.status === 429
        ? { kind: 'retry', code: 'ratelimited', retryAfterMs: failure.retryAfterMs }
        : { kind: 'retry', code: `http_${failure.status || 'error'}`, retryAfterMs: null };
    case 'slack_error':
      return PERMANENT.has(failure.code)
        ? { kind: 'permanent', code: failure.code }
        : { kind: 'retry', code: failure.code, retryAfterMs: null };
    case 'unknown':
      // Slack may be down: try later.
      return {
        kind: 'retry',
        code: failure.code === ErrorCode.RequestError ? 'request_error' : 'unknown_error',
        retryAfterMs: null,
      };
    default:
      return { kind: 'retry', code: 'request_error', retryAfterMs: null };
  }
}

/** 1, 2, 4 … minutes, capped at an hour: a Slack outage is waited out, not hammered. */
export function backoffMs(attempts: number): number {
  return Math.min(60 * 60_000, 60_000 * 2 ** Math.max(0, attempts - 1));
}
