import { describe, expect, it } from 'vitest';
import { topLevel } from '../jobs/digest-support.js';
import type { Json } from '../rig/block-kit-checker.js';
import { nowSeconds } from '../rig/signing.js';
import { buildCommand, buildEventEnvelope, formEncode } from '../rig/wire.js';
import { useHarness } from '../support/lifecycle.js';
import { captureLog, LEVEL } from '../support/log-capture.js';
import { JSON_TYPE, postRaw, wireContext } from './edge-support.js';

const log = captureLog();
const h = useHarness({ now: '2004-02-26T14:00:00+01:00', logger: log.logger });

const publishesFor = (user: string) =>
  h.fake.callsTo('views.publish').filter((c) => (c.args as { user_id?: unknown }).user_id === user);

describe('a replayed request runs once', () => {
  it('posts one digest when the same signed `/rapport send 2` arrives twice', async () => {
    await h.db.prisma.focusArea.update({ where: { number: 2 }, data: { channel: 'C0FOCUS2' } });
    const body = formEncode(
      buildCommand(wireContext(h.fake), { command: '/rapport', user_id: 'U0KOORD1', text: 'send 2' }),
    );
    const timestamp = nowSeconds();

    const first = await postRaw(h, body, { timestamp });
    expect(first.status).toBe(200);
    await h.fake.waitFor(() => h.fake.responses.length >= 1, 20_000);
    expect(h.lastReplyText()).toBe('Ukesammendraget er postet i <#C0FOCUS2>.');

    const from = log.lines.length;
    const replay = await postRaw(h, body, { timestamp });
    expect(replay).toMatchObject({ status: 200, body: '' });
    expect(replay.ms).toBeLessThan(1000);
    const ignored = () =>
      log.since(from).find((l) => l.level === LEVEL.warn && l.msg === 'a replayed request was acked and ignored');
    // Building a digest takes seconds: wait until the copy was either ignored or answered.
    await h.fake.waitFor(() => ignored() ?? h.fake.responses[1], 20_000);
    expect(topLevel(h.fake, 'C0FOCUS2')).toHaveLength(1);
    expect(h.fake.responses).toHaveLength(1);
    expect(ignored()?.requestId).toEqual(expect.any(String));
  });

  it('runs a command again when Slack sends it again, freshly signed (a user who types it twice)', async () => {
    const send = () => h.command('U0KARI01', 'hjelp');
    await send();
    await send();
    await h.fake.waitFor(() => h.fake.responses.length >= 2);
  });

  it('remembers the signature in the database until its window has closed', async () => {
    const body = formEncode(
      buildCommand(wireContext(h.fake), { command: '/tiltak', user_id: 'U0KARI01', text: 'hjelp' }),
    );
    const timestamp = nowSeconds();
    await postRaw(h, body, { timestamp });
    const rows = await h.db.prisma.seenRequest.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.key).toMatch(/^sig:v0=[0-9a-f]{64}$/);
    expect(rows[0]?.expiresAt.getTime()).toBe((timestamp + 301) * 1000);
  });
});

describe('Slack’s own retries of an event', () => {
  const homeOpened = (user: string): Json =>
    buildEventEnvelope(wireContext(h.fake), { type: 'app_home_opened', user, channel: `D${user}`, tab: 'home' });

  it('publishes App Home once when Slack retries an event it already delivered', async () => {
    const envelope = JSON.stringify(homeOpened('U0KARI01'));
    const first = await postRaw(h, envelope, { contentType: JSON_TYPE });
    expect(first).toMatchObject({ status: 200, body: '' });
    await h.fake.waitFor(() => publishesFor('U0KARI01')[0]);

    const retry = await postRaw(h, envelope, {
      contentType: JSON_TYPE,
      headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
    });
    expect(retry).toMatchObject({ status: 200, body: '' });
    expect(retry.ms).toBeLessThan(1000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(publishesFor('U0KARI01')).toHaveLength(1);
  });

  it('recognises a retry by its event id, though its signature is new', async () => {
    const envelope = JSON.stringify(homeOpened('U0KARI01'));
    await postRaw(h, envelope, { contentType: JSON_TYPE, timestamp: nowSeconds() - 60 });
    await h.fake.waitFor(() => publishesFor('U0KARI01')[0]);
    await postRaw(h, envelope, {
      contentType: JSON_TYPE,
      headers: { 'x-slack-retry-num': '2', 'x-slack-retry-reason': 'http_error' },
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(publishesFor('U0KARI01')).toHaveLength(1);
  });

  it('handles a retry whose first delivery never arrived', async () => {
    const envelope = JSON.stringify(homeOpened('U0KARI01'));
    const retry = await postRaw(h, envelope, {
      contentType: JSON_TYPE,
      headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
    });
    expect(retry.status).toBe(200);
    await h.fake.waitFor(() => publishesFor('U0KARI01')[0]);
  });
});
