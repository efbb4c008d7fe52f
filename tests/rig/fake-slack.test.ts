// Pins the rig itself against the real Slack SDK clients, so a bot test that
// fails points at the bot, not at the fake.
import { createHmac } from 'node:crypto';
import { verifySlackRequest } from '@slack/bolt';
import { ErrorCode, LogLevel, type WebAPICallError, WebClient } from '@slack/web-api';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeSlack } from './fake-slack.js';
import { signSlackRequest } from './signing.js';

const fake = new FakeSlack();
const client = (opts: { rejectRateLimitedCalls?: boolean } = {}) =>
  new WebClient('xoxb-test', {
    slackApiUrl: fake.apiUrl,
    retryConfig: { retries: 0 },
    logLevel: LogLevel.ERROR,
    ...opts,
  });

beforeAll(async () => {
  await fake.start();
});
afterAll(async () => {
  await fake.stop();
});
afterEach(() => fake.reset());

async function rejection(p: Promise<unknown>): Promise<WebAPICallError> {
  try {
    await p;
  } catch (e) {
    return e as WebAPICallError;
  }
  throw new Error('expected the call to fail');
}

describe('signing', () => {
  it("matches Slack's documented example", () => {
    const body =
      'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
    expect(signSlackRequest('8f742231b10e8888abcd99yyyzzz85a5', body, 1531420618)).toEqual({
      'x-slack-signature': 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
      'x-slack-request-timestamp': '1531420618',
    });
  });

  it('agrees with a reference HMAC and with Bolt', () => {
    const ts = Math.floor(Date.now() / 1000);
    const headers = signSlackRequest('s3cret', '{"a":1}', ts);
    const ref = createHmac('sha256', 's3cret').update(`v0:${ts}:{"a":1}`).digest('hex');
    expect(headers['x-slack-signature']).toBe(`v0=${ref}`);
    const verify = () =>
      verifySlackRequest({
        signingSecret: 's3cret',
        body: '{"a":1}',
        headers: { 'x-slack-signature': headers['x-slack-signature'], 'x-slack-request-timestamp': ts },
      });
    expect(verify).not.toThrow();
  });
});

describe('Web API with a real WebClient', () => {
  it('posts a message and reads it back with metadata', async () => {
    const web = client();
    const metadata = { event_type: 'tiltak_plan', event_payload: { week: 12 } };
    const posted = await web.chat.postMessage({ channel: 'C1', text: 'hei', metadata, blocks: [{ type: 'divider' }] });
    expect(posted.ts).toMatch(/^\d{10}\.\d{6}$/);
    const second = await web.chat.postMessage({ channel: 'C1', text: 'to' });
    expect(Number(second.ts)).toBeGreaterThan(Number(posted.ts));

    const withMeta = await web.conversations.history({ channel: 'C1', include_all_metadata: true });
    expect(withMeta.messages?.map((m) => m.text)).toEqual(['to', 'hei']);
    expect(withMeta.messages?.[1]?.metadata).toEqual(metadata);
    expect(withMeta.messages?.[1]?.blocks).toEqual([{ type: 'divider' }]);

    const plain = await web.conversations.history({ channel: 'C1', oldest: posted.ts ?? '', limit: 10 });
    expect(plain.messages?.map((m) => m.text)).toEqual(['to']);
    expect(fake.callsTo('chat.postMessage')[0]?.args.metadata).toEqual(metadata);
    expect(fake.callsTo('chat.postMessage')[0]?.token).toBe('xoxb-test');
  });

  it('opens DMs, resolves users, updates and links messages', async () => {
    const web = client();
    const dm = await web.conversations.open({ users: 'U42' });
    expect(dm.channel?.id).toBe('DU42');
    fake.setUser({ id: 'U42', tz: 'America/New_York', real_name: 'Kari' });
    expect((await web.users.info({ user: 'U42' })).user?.tz).toBe('America/New_York');
    expect((await web.users.info({ user: 'U7' })).user?.tz).toBe('Europe/Oslo');
    const { ts } = await web.chat.postMessage({ channel: 'U42', text: 'a' });
    await web.chat.update({ channel: 'DU42', ts: ts ?? '', text: 'b' });
    expect(fake.messages('DU42')[0]?.text).toBe('b');
    const link = await web.chat.getPermalink({ channel: 'DU42', message_ts: ts ?? '' });
    expect(link.permalink).toContain('/archives/DU42/p');
  });

  it('surfaces an injected 429 as a rate-limited error', async () => {
    fake.failNext('chat.postMessage', { status: 429, retryAfter: 7 });
    const err = await rejection(
      client({ rejectRateLimitedCalls: true }).chat.postMessage({ channel: 'C1', text: 'x' }),
    );
    expect(err.code).toBe(ErrorCode.RateLimitedError);
    expect(err.code === ErrorCode.RateLimitedError && err.retryAfter).toBe(7);
    expect(fake.callsTo('chat.postMessage')[0]?.fault).toEqual({ status: 429, retryAfter: 7 });
    expect(fake.messages('C1')).toEqual([]);
  });

  it('lets a retrying client through after Retry-After', async () => {
    fake.failNext('chat.postMessage', { status: 429, retryAfter: 0 });
    const retrying = new WebClient('xoxb-test', {
      slackApiUrl: fake.apiUrl,
      retryConfig: { retries: 1, minTimeout: 0, maxTimeout: 0 },
      logLevel: LogLevel.ERROR,
    });
    await retrying.chat.postMessage({ channel: 'C1', text: 'x' });
    expect(fake.callsTo('chat.postMessage').map((c) => c.ok)).toEqual([false, true]);
    // Without rejectRateLimitedCalls, an exhausted 429 is a RequestError, not a RateLimitedError.
    fake.failNext('chat.postMessage', { status: 429, retryAfter: 0 });
    expect((await rejection(client().chat.postMessage({ channel: 'C1', text: 'x' }))).code).toBe(
      ErrorCode.RequestError,
    );
  });

  it('keeps thread replies out of history and pages with cursors', async () => {
    const web = client();
    const parent = await web.chat.postMessage({ channel: 'C3', text: 'p' });
    await web.chat.postMessage({ channel: 'C3', text: 'r', thread_ts: parent.ts ?? '' });
    for (const text of ['a', 'b', 'c']) await web.chat.postMessage({ channel: 'C3', text });
    const first = await web.conversations.history({ channel: 'C3', limit: 2 });
    expect(first.messages?.map((m) => m.text)).toEqual(['c', 'b']);
    const next = first.response_metadata?.next_cursor ?? '';
    const second = await web.conversations.history({ channel: 'C3', limit: 2, cursor: next });
    expect(second.messages?.map((m) => m.text)).toEqual(['a', 'p']);
    expect(second.messages?.[1]?.reply_count).toBe(1);
    const thread = await web.conversations.replies({ channel: 'C3', ts: parent.ts ?? '' });
    expect(thread.messages?.map((m) => m.text)).toEqual(['p', 'r']);
  });

  it('surfaces 5xx and platform errors, then recovers', async () => {
    fake.failNext('chat.postMessage', { status: 503 });
    fake.failNext('chat.postMessage', { error: 'channel_not_found' });
    const web = client();
    expect((await rejection(web.chat.postMessage({ channel: 'C1', text: 'x' }))).code).toBe(ErrorCode.HTTPError);
    expect((await rejection(web.chat.postMessage({ channel: 'C1', text: 'x' }))).code).toBe(ErrorCode.PlatformError);
    await web.chat.postMessage({ channel: 'C1', text: 'x' });
    expect(fake.callsTo('chat.postMessage').map((c) => c.ok)).toEqual([false, false, true]);
    expect(fake.messages('C1')).toHaveLength(1);
  });

  it('answers late on a delay fault: a client that times out has still posted the message', async () => {
    fake.failNext('chat.postMessage', { delayMs: 400 });
    const impatient = new WebClient('xoxb-test', {
      slackApiUrl: fake.apiUrl,
      retryConfig: { retries: 0 },
      timeout: 100,
      logLevel: LogLevel.ERROR,
    });
    expect((await rejection(impatient.chat.postMessage({ channel: 'C1', text: 'late' }))).code).toBe(
      ErrorCode.RequestError,
    );
    expect(fake.messages('C1').map((m) => m.text)).toEqual(['late']);
    // With `thenFail`, Slack does nothing and fails late.
    fake.failNext('chat.postMessage', { delayMs: 50, thenFail: { status: 500 } });
    expect((await rejection(client().chat.postMessage({ channel: 'C1', text: 'lost' }))).code).toBe(
      ErrorCode.HTTPError,
    );
    expect(fake.messages('C1')).toHaveLength(1);
  });

  it('faults the upload URL under the name "upload", and stores nothing then', async () => {
    fake.failNext('upload', { status: 503 });
    const web = client();
    await expect(
      web.files.uploadV2({ channel_id: 'C1', file: Buffer.from('abc'), filename: 'a.txt' }),
    ).rejects.toThrow();
    expect(fake.callsTo('upload').map((c) => c.fault)).toEqual([{ status: 503 }]);
    expect(fake.files.filter((f) => f.completed)).toEqual([]);
    await web.files.uploadV2({ channel_id: 'C1', file: Buffer.from('abc'), filename: 'a.txt' });
    expect(fake.files.filter((f) => f.completed).map((f) => f.bytes?.toString())).toEqual(['abc']);
  });

  it('injects chaos deterministically for a given seed', async () => {
    const run = async () => {
      fake.reset();
      fake.chaos({ seed: 42, rate: 0.5, faults: [{ error: 'fatal_error' }] });
      const web = client();
      const outcomes: boolean[] = [];
      for (let i = 0; i < 20; i++)
        outcomes.push(
          await web.auth.test().then(
            () => true,
            () => false,
          ),
        );
      fake.chaos(null);
      return outcomes;
    };
    const first = await run();
    expect(first).toContain(true);
    expect(first).toContain(false);
    expect(await run()).toEqual(first);
  });

  it('refuses oversized blocks like Slack and records the violation', async () => {
    const blocks = Array.from({ length: 51 }, () => ({ type: 'divider' }));
    const err = await rejection(client().chat.postMessage({ channel: 'C1', text: 'x', blocks }));
    expect(err.code === ErrorCode.PlatformError && err.data.error).toBe('invalid_blocks');
    expect(fake.violations[0]?.source).toBe('chat.postMessage');
    expect(fake.messages('C1')).toEqual([]);
    expect(() => fake.assertNoViolations()).toThrow(/51 items, limit is 50/);
  });

  it('records response_url posts and refuses a sixth use', async () => {
    const url = fake.responseUrl('once');
    const post = () =>
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text":"hi"}' });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await post()).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 404]);
    expect(fake.responses[0]).toMatchObject({ id: 'once', body: { text: 'hi' }, ok: true });
  });

  it('rejects bot calls made with the app-level token, and calls with none', async () => {
    const err = await rejection(
      new WebClient('xapp-test', { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } }).auth.test(),
    );
    expect(err.code === ErrorCode.PlatformError && err.data.error).toBe('not_allowed_token_type');
    const none = await rejection(
      new WebClient(undefined, { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } }).auth.test(),
    );
    expect(none.code === ErrorCode.PlatformError && none.data.error).toBe('not_authed');
  });

  it('answers unknown methods with unknown_method', async () => {
    const err = await rejection(client().apiCall('nope.nothing'));
    expect(err.code === ErrorCode.PlatformError && err.data.error).toBe('unknown_method');
  });

  it('uploads a file with files.uploadV2 end to end', async () => {
    const web = client();
    const { ts = '' } = await web.chat.postMessage({ channel: 'C9', text: 'thread' });
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 255]);
    await web.files.uploadV2({
      channel_id: 'C9',
      thread_ts: ts,
      file: bytes,
      filename: 'plan.png',
      alt_text: 'Weekly plan',
      title: 'Plan',
    });
    const file = fake.files[0];
    expect(file?.bytes?.equals(bytes)).toBe(true);
    expect(file).toMatchObject({
      filename: 'plan.png',
      title: 'Plan',
      alt_text: 'Weekly plan',
      channel_id: 'C9',
      thread_ts: ts,
      completed: true,
    });
    expect(fake.messages('C9').at(-1)?.files?.[0]?.id).toBe(file?.id);
  });

  it('opens, updates and publishes views, enforcing trigger expiry', async () => {
    const web = client();
    const view = { type: 'modal' as const, title: { type: 'plain_text' as const, text: 'Plan' }, blocks: [] };
    const opened = await web.views.open({ trigger_id: fake.issueTrigger(), view });
    expect(opened.view?.id).toMatch(/^V/);
    await web.views.update({ view_id: opened.view?.id ?? '', view: { ...view, private_metadata: 'x' } });
    const trigger = fake.issueTrigger();
    await web.views.open({ trigger_id: trigger, view });
    const reused = await rejection(web.views.open({ trigger_id: trigger, view }));
    expect(reused.code === ErrorCode.PlatformError && reused.data.error).toBe('exchanged_trigger_id');
    const home = await web.views.publish({ user_id: 'U1', view: { type: 'home', blocks: [] } });
    expect(home.view?.id).toMatch(/^V/);
  });
});
