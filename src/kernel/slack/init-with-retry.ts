import { setTimeout as delay } from 'node:timers/promises';
import type { Logger } from '../logger.js';
import { classifySlackFailure, describeSlackFailure } from './slack-failure.js';

const REJECTED = new Set([
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'token_expired',
  'not_allowed_token_type',
]);

export type TokenVariable = 'SLACK_BOT_TOKEN' | 'SLACK_APP_TOKEN';

const WHERE_TO_FIND: Record<TokenVariable, string> = {
  SLACK_BOT_TOKEN: `Copy the Bot User OAuth Token (xoxb-…) from the app's "OAuth & Permissions" page.`,
  SLACK_APP_TOKEN: `Create an app-level token (xapp-…) with connections:write on the app's "Basic Information" page.`,
};

export class TokenRejectedError extends Error {
  constructor(
    readonly slackError: string,
    readonly variable: TokenVariable = 'SLACK_BOT_TOKEN',
  ) {
    super(`Slack rejected ${variable} (${slackError}). ${WHERE_TO_FIND[variable]}`);
    this.name = 'TokenRejectedError';
  }
}

/** One call that must succeed before the bot is connected, and the token it proves. */
export interface ConnectStep {
  method: string;
  token: TokenVariable;
  run(): Promise<unknown>;
}

export interface RetryOptions {
  /** The Web API base URL, for the log (SLACK_API_URL or Slack's default). */
  apiUrl: string;
  firstDelayMs?: number;
  maxDelayMs?: number;
  /** Stops the retries: `ready` then never settles. */
  signal?: AbortSignal;
}

export interface SlackConnection {
  /** After the first try: true when connected, false when Slack is unreachable; rejects with TokenRejectedError. */
  firstAttempt: Promise<boolean>;
  /** Resolves once every step has succeeded; rejects with TokenRejectedError, however late Slack says so. */
  ready: Promise<void>;
}

/**
 * Runs the steps (Bolt's auth.test, then the socket in Socket Mode) until all
 * have succeeded. A rejected token is final. Anything else (no route, DNS,
 * TLS, 5xx, 429) is Slack being unreachable for now: we log why, wait 1, 2,
 * 4 … 60 s (at least Retry-After) and try again, rather than crash-loop under
 * a supervisor.
 */
export function connectWithRetry(
  steps: readonly ConnectStep[],
  logger: Logger,
  options: RetryOptions,
): SlackConnection {
  let settleFirst: (connected: boolean) => void = () => undefined;
  const firstAttempt = new Promise<boolean>((resolve) => {
    settleFirst = resolve;
  });
  const ready = retry(steps, logger, options, (connected) => settleFirst(connected));
  return {
    // A rejection on the first try rejects both; a later one only `ready`.
    firstAttempt: Promise.race([firstAttempt, ready.then(() => true)]),
    ready,
  };
}

async function retry(
  steps: readonly ConnectStep[],
  logger: Logger,
  options: RetryOptions,
  first: (connected: boolean) => void,
): Promise<void> {
  const maxDelay = options.maxDelayMs ?? 60_000;
  let wait = options.firstDelayMs ?? 1_000;
  let done = 0;
  for (let attempt = 1; ; attempt++) {
    const step = steps[done];
    if (step === undefined) {
      logger.info({ url: logUrl(options.apiUrl, ''), attempts: attempt - 1 }, 'Slack answered; connected');
      first(true);
      return;
    }
    try {
      await step.run();
      if (options.signal?.aborted) return never();
      done += 1;
    } catch (error) {
      const rejected = rejection(error);
      if (rejected !== null) throw new TokenRejectedError(rejected, step.token);
      first(false);
      const failure = classifySlackFailure(error);
      const retryAfter = failure.kind === 'http' ? (failure.retryAfterMs ?? 0) : 0;
      const retryInMs = Math.max(wait, retryAfter);
      const url = logUrl(options.apiUrl, step.method);
      logger.warn(
        { attempt, url, cause: failure, retryInMs },
        `Slack is not reachable at ${url}: ${describeSlackFailure(failure)}; retrying in ${Math.round(retryInMs / 1000)} s`,
      );
      await delay(retryInMs, undefined, { signal: options.signal }).catch(() => undefined);
      if (options.signal?.aborted) return never();
      wait = Math.min(wait * 2, maxDelay);
    }
  }
}

/** Stopped while connecting: nothing more will happen, so nothing should wait on it either way. */
function never(): Promise<never> {
  return new Promise<never>(() => undefined);
}

function rejection(error: unknown): string | null {
  const failure = classifySlackFailure(error);
  return failure.kind === 'slack_error' && REJECTED.has(failure.code) ? failure.code : null;
}

/** The URL without user info, query or fragment: whatever SLACK_API_URL holds, no secret reaches the log. */
export function logUrl(apiUrl: string, method: string): string {
  try {
    const url = new URL(method, apiUrl.endsWith('/') ? apiUrl : `${apiUrl}/`);
    url.username = '';
    url.password = '';
    url.search = '';
    url.hash = '';
    return url.toString();
  } catch {
    return method;
  }
}
