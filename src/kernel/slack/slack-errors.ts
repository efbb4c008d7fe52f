import { ErrorCode } from '@slack/web-api';

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

/** Branches on the Web API's error classes and codes, never on message text. */
export function classifySendError(error: unknown): SendFailure {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === ErrorCode.RateLimitedError) {
    const seconds = (error as { retryAfter?: unknown }).retryAfter;
    return { kind: 'retry', code: 'ratelimited', retryAfterMs: typeof seconds === 'number' ? seconds * 1000 : null };
  }
  if (code === ErrorCode.PlatformError) {
    const slackError = String((error as { data?: { error?: unknown } }).data?.error ?? 'unknown_error');
    return PERMANENT.has(slackError)
      ? { kind: 'permanent', code: slackError }
      : { kind: 'retry', code: slackError, retryAfterMs: null };
  }
  if (code === ErrorCode.HTTPError) {
    const status = (error as { statusCode?: unknown }).statusCode;
    return { kind: 'retry', code: `http_${String(status ?? 'error')}`, retryAfterMs: null };
  }
  // Request errors (no route, reset, timeout) and anything unknown: Slack may be down, try later.
  return {
    kind: 'retry',
    code: code === ErrorCode.RequestError ? 'request_error' : 'unknown_error',
    retryAfterMs: null,
  };
}

/** 1, 2, 4 … minutes, capped at an hour: a Slack outage is waited out, not hammered. */
export function backoffMs(attempts: number): number {
  return Math.min(60 * 60_000, 60_000 * 2 ** Math.max(0, attempts - 1));
}
