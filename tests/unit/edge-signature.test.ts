import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkSlackSignature } from '../../src/kernel/slack/edge/signature.js';

const secret = 'test-signing-secret';
const now = Date.parse('2026-05-04T10:00:00Z');
const body = Buffer.from('command=%2Ftiltak&user_id=U0KARI01');
const sign = (ts: number, raw: Buffer = body) =>
  `v0=${createHmac('sha256', secret).update(`v0:${ts}:`).update(raw).digest('hex')}`;
const check = (ts: number, signature = sign(ts), timestamp: string | string[] = String(ts)) =>
  checkSlackSignature({ secret, signature, timestamp, rawBody: body, nowMs: now });

describe('Slack request signatures', () => {
  const nowSec = now / 1000;

  it('takes a signature stamped up to five minutes either side of now', () => {
    for (const offset of [-300, -1, 0, 1, 300])
      expect(check(nowSec + offset)).toMatchObject({ ok: true, timestampSeconds: nowSec + offset });
  });

  it('refuses a stamp more than five minutes in the future or the past, saying by how much', () => {
    expect(check(nowSec + 301)).toMatchObject({ ok: false, skewSeconds: -301 });
    expect(check(nowSec - 301)).toMatchObject({ ok: false, skewSeconds: 301 });
    expect(check(nowSec + 3600)).toMatchObject({ ok: false });
  });

  it('checks the signature over the raw bytes, which need not be UTF-8', () => {
    const raw = Buffer.from([0x61, 0xff, 0x62]);
    expect(
      checkSlackSignature({ secret, signature: sign(nowSec, raw), timestamp: String(nowSec), rawBody: raw, nowMs: now })
        .ok,
    ).toBe(true);
  });

  it.each([
    ['a signature for another body', sign(nowSec, Buffer.from('x'))],
    ['a signature in capitals', sign(nowSec).toUpperCase()],
    ['a short signature', 'v0=abcd'],
    ['a v1 signature', sign(nowSec).replace('v0=', 'v1=')],
    ['an empty signature', ''],
  ])('refuses %s', (_label, signature) => {
    expect(check(nowSec, signature).ok).toBe(false);
  });

  it.each([
    ['a decimal', '1777888800.5'],
    ['a negative', '-1'],
    ['a header sent twice', ['1', '2']],
    ['nothing', ''],
  ])('refuses a timestamp that is %s', (_label, timestamp) => {
    expect(check(nowSec, sign(nowSec), timestamp).ok).toBe(false);
  });
});
