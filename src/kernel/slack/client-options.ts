import { WebClient, type WebClientOptions } from '@slack/web-api';
import type { Config } from '../config.js';

/**
 * One WebClient setup for the Bolt app and the offline CLIs. Retries are off:
 * the jobs keep their own retry ledger, and a 429 must surface at once with
 * its Retry-After rather than block a handler for minutes.
 */
export function slackClientOptions(config: Config): WebClientOptions {
  const url = config.SLACK_API_URL;
  return {
    ...(url === undefined ? {} : { slackApiUrl: url.endsWith('/') ? url : `${url}/` }),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: 10_000,
  };
}

export function slackClientFor(config: Config): WebClient {
  return new WebClient(config.SLACK_BOT_TOKEN, slackClientOptions(config));
}
