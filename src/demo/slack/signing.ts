// Slack's request signing (v0): HMAC-SHA256 over `v0:<timestamp>:<raw body>`
// keyed with the app's signing secret, hex-encoded and prefixed with `v0=`.
import { createHmac } from 'node:crypto';

export type SlackSignatureHeaders = {
  'x-slack-signature': string;
  'x-slack-request-timestamp': string;
};

export function signSlackRequest(secret: string, body: string, timestampSeconds: number): SlackSignatureHeaders {
  const ts = String(Math.floor(timestampSeconds));
  const hmac = createHmac('sha256', secret).update(`v0:${ts}:${body}`).digest('hex');
  return { 'x-slack-signature': `v0=${hmac}`, 'x-slack-request-timestamp': ts };
}

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
