import { ErrorCode } from '@slack/web-api';

/**
 * Why a call to Slack did not get an answer, in words an operator can act on:
 * a name that does not resolve, a port nobody listens on, a certificate or
 * proxy in the way, silence, or Slack answering with an HTTP error.
 */
export type SlackFailure =
  | { kind: 'dns'; code: string }
  | { kind: 'refused'; code: string }
  | { kind: 'tls'; code: string }
  | { kind: 'timeout'; code: string }
  | { kind: 'network'; code: string }
  | { kind: 'http'; status: number; retryAfterMs: number | null }
  | { kind: 'slack_error'; code: string }
  | { kind: 'unknown'; code: string; detail: string };

const DNS = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NODATA', 'EAI_NONAME']);
const REFUSED = new Set(['ECONNREFUSED']);
const TIMEOUT = new Set(['ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);
// OpenSSL's certificate verdicts, as Node reports them; handshake failures come as ERR_SSL_* or ERR_TLS_*.
const TLS = new Set([
  'EPROTO',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_REVOKED',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'HOSTNAME_MISMATCH',
]);

/** Classifies an error from the Web API client by its class and codes, never by its message. */
export function classifySlackFailure(error: unknown): SlackFailure {
  const code = field(error, 'code');
  if (code === ErrorCode.RateLimitedError) {
    const seconds = field(error, 'retryAfter');
    return { kind: 'http', status: 429, retryAfterMs: typeof seconds === 'number' ? seconds * 1000 : null };
  }
  if (code === ErrorCode.HTTPError) {
    const status = field(error, 'statusCode');
    return { kind: 'http', status: typeof status === 'number' ? status : 0, retryAfterMs: null };
  }
  if (code === ErrorCode.PlatformError) {
    const slackError = field(field(error, 'data'), 'error');
    return { kind: 'slack_error', code: typeof slackError === 'string' ? slackError : 'unknown_error' };
  }
  return classifyNetworkError(error);
}

/** fetch wraps the socket's error in `cause` (an AggregateError when every address failed). */
function classifyNetworkError(error: unknown): SlackFailure {
  for (const link of causeChain(error)) {
    // AbortSignal.timeout, which the Web API client uses for its request timeout.
    if (field(link, 'name') === 'TimeoutError') return { kind: 'timeout', code: 'TimeoutError' };
    const code = field(link, 'code');
    if (typeof code !== 'string') continue;
    if (DNS.has(code)) return { kind: 'dns', code };
    if (REFUSED.has(code)) return { kind: 'refused', code };
    if (TIMEOUT.has(code)) return { kind: 'timeout', code };
    if (TLS.has(code) || code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_')) return { kind: 'tls', code };
    if (code.startsWith('UND_ERR_') || (code.startsWith('E') && !code.startsWith('ERR_')))
      return { kind: 'network', code };
  }
  // Only shown to the operator, never branched on: the innermost error says the most ("bad port").
  const innermost = [...causeChain(error)].at(-1);
  const detail = field(innermost, 'message');
  return {
    kind: 'unknown',
    code: String(field(error, 'code') ?? field(error, 'name') ?? 'unknown'),
    detail: typeof detail === 'string' ? detail.slice(0, 200) : '',
  };
}

function* causeChain(error: unknown, depth = 0): Generator<unknown> {
  if (error === null || error === undefined || depth > 5) return;
  yield error;
  const nested = field(error, 'errors');
  if (Array.isArray(nested)) for (const inner of nested) yield* causeChain(inner, depth + 1);
  yield* causeChain(field(error, 'original') ?? field(error, 'cause'), depth + 1);
}

/** Slack itself answered (an HTTP status or an error code), as against an error of the network or of our own code. */
export function slackAnswered(
  failure: SlackFailure,
): failure is Extract<SlackFailure, { kind: 'http' | 'slack_error' }> {
  return failure.kind === 'http' || failure.kind === 'slack_error';
}

/** One short phrase for the log line: "refused (ECONNREFUSED)", "HTTP 503". */
export function describeSlackFailure(failure: SlackFailure): string {
  switch (failure.kind) {
    case 'http':
      return `HTTP ${failure.status}`;
    case 'dns':
      return `DNS lookup failed (${failure.code})`;
    case 'refused':
      return `connection refused (${failure.code})`;
    case 'tls':
      return `TLS failed (${failure.code})`;
    case 'timeout':
      return `timed out (${failure.code})`;
    case 'network':
      return `network error (${failure.code})`;
    case 'slack_error':
      return `Slack answered ${failure.code}`;
    case 'unknown':
      return `unexpected error (${failure.code}${failure.detail ? `: ${failure.detail}` : ''})`;
  }
}

function field(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' && key in value
    ? (value as Record<string, unknown>)[key]
    : undefined;
}
