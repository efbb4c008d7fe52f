import { createHmac, timingSafeEqual } from 'node:crypto';

/** Slack's rule: a request stamped more than five minutes from now, either way, is refused. */
export const SIGNATURE_WINDOW_SECONDS = 5 * 60;

export type SignatureCheck =
  | { ok: true; timestampSeconds: number; signature: string }
  | { ok: false; reason: string; skewSeconds?: number };

export interface SignedRequest {
  secret: string;
  signature: string | string[] | undefined;
  timestamp: string | string[] | undefined;
  rawBody: Buffer;
  /** Wall time now, in ms since the epoch. */
  nowMs: number;
}

const SIGNATURE = /^v0=[0-9a-f]{64}$/;
const TIMESTAMP = /^\d{1,12}$/;

/**
 * Slack's v0 signature (HMAC-SHA256 of `v0:<timestamp>:<body>`), checked over
 * the raw bytes and compared in constant time, and a timestamp window on
 * both sides: Bolt's own check refuses only the past, which lets a captured
 * request stamped in the future be replayed for as long as its stamp lies ahead.
 */
export function checkSlackSignature(request: SignedRequest): SignatureCheck {
  const { signature, timestamp } = request;
  if (typeof timestamp !== 'string' || !TIMESTAMP.test(timestamp))
    return { ok: false, reason: 'x-slack-request-timestamp is missing or not a number' };
  const timestampSeconds = Number(timestamp);
  const skewSeconds = Math.floor(request.nowMs / 1000) - timestampSeconds;
  if (Math.abs(skewSeconds) > SIGNATURE_WINDOW_SECONDS) {
    return { ok: false, reason: 'x-slack-request-timestamp is more than five minutes from now', skewSeconds };
  }
  if (typeof signature !== 'string' || !SIGNATURE.test(signature))
    return { ok: false, reason: 'x-slack-signature is missing or malformed' };
  const expected = createHmac('sha256', request.secret).update(`v0:${timestamp}:`).update(request.rawBody).digest();
  // Both are 32 bytes here (the pattern above fixes the length), as timingSafeEqual requires.
  if (!timingSafeEqual(Buffer.from(signature.slice(3), 'hex'), expected))
    return { ok: false, reason: 'x-slack-signature does not match' };
  return { ok: true, timestampSeconds, signature };
}
