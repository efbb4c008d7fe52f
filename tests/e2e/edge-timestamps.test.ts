import { describe, expect, it } from 'vitest';
import { nowSeconds, signSlackRequest } from '../rig/signing.js';
import { buildCommand, formEncode } from '../rig/wire.js';
import { useHarness } from '../support/lifecycle.js';
import { captureLog } from '../support/log-capture.js';
import { expectRefused, expectStillServing, expectWarnedOnce, formBody, postRaw, wireContext } from './edge-support.js';

const log = captureLog();
const h = useHarness({ logger: log.logger });

const help = () =>
  formEncode(buildCommand(wireContext(h.fake), { command: '/tiltak', user_id: 'U0KARI01', text: 'hjelp' }));

describe('the signature window: five minutes either way, on the wall clock', () => {
  it.each([
    ['6 minutes in the future', 6 * 60],
    ['60 minutes in the future', 60 * 60],
    ['6 minutes in the past', -6 * 60],
    ['60 minutes in the past', -60 * 60],
    ['a day in the future', 24 * 3600],
  ])('refuses a correctly signed command stamped %s with 401, and runs nothing', async (_label, offset) => {
    const from = log.lines.length;
    const res = await postRaw(h, help(), { timestamp: nowSeconds() + offset });
    expect(res.status).toBe(401);
    expectRefused(res);
    expectWarnedOnce(log, from);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(h.fake.responses).toHaveLength(0);
    await expectStillServing(h);
  });

  it.each([
    ['4 minutes in the future', 4 * 60],
    ['4 minutes in the past', -4 * 60],
  ])('takes a command stamped %s, as Slack allows', async (_label, offset) => {
    const res = await postRaw(h, help(), { timestamp: nowSeconds() + offset });
    expect(res.status).toBe(200);
    await h.fake.waitFor(() => h.fake.responses.at(-1));
    expect(h.lastReplyText()).toContain('Tiltak – hjelp');
  });

  it('measures the window against the wall clock, not the plan clock (set to 2004 in tests)', async () => {
    expect(h.clock.now().getUTCFullYear()).toBe(2004);
    const res = await postRaw(h, help());
    expect(res.status).toBe(200);
  });

  it.each([
    ['no timestamp', { 'x-slack-request-timestamp': '' }],
    ['a timestamp that is not a number', { 'x-slack-request-timestamp': '17e8' }],
    ['no signature', { 'x-slack-signature': '' }],
    ['a signature of the wrong length', { 'x-slack-signature': 'v0=abc' }],
    ['an unknown signature version', { 'x-slack-signature': `v1=${'0'.repeat(64)}` }],
    ['a wrong signature', { 'x-slack-signature': `v0=${'0'.repeat(64)}` }],
  ])('refuses a request with %s with 401', async (_label, headers) => {
    const from = log.lines.length;
    const res = await postRaw(
      h,
      formBody({ command: '/tiltak', user_id: 'U0KARI01', text: 'hjelp', response_url: h.fake.responseUrl() }),
      { headers },
    );
    expect(res.status).toBe(401);
    expectRefused(res);
    expectWarnedOnce(log, from);
  });

  it('refuses a body changed after signing', async () => {
    const body = help();
    const res = await postRaw(h, body.replace('U0KARI01', 'U0KOORD1'), {
      headers: signSlackRequest(h.fake.signingSecret, body, nowSeconds()),
    });
    expect(res.status).toBe(401);
  });
});
