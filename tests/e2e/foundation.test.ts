import { beforeAll, describe, expect, it } from 'vitest';
import { useHarness } from '../support/lifecycle.js';

const h = useHarness();
let authTests = 0;
beforeAll(async () => {
  authTests = h.fake.calls.filter((c) => c.method === 'auth.test' && c.token === 'xoxb-test-token').length;
});

describe('the bot over signed HTTP', () => {
  it('checked its token with auth.test at start', () => {
    expect(authTests).toBeGreaterThanOrEqual(1);
  });

  it('answers /tiltak hjelp with the help text in Norwegian, within the ack window', async () => {
    const res = await h.command('U0KARI01', 'hjelp');
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(3000);
    const reply = await h.fake.waitFor(() => h.fake.responses.at(-1));
    expect(reply.body).toMatchObject({ response_type: 'ephemeral' });
    expect(h.lastReplyText()).toContain('Tiltak – hjelp');
    expect(h.lastReplyText()).toContain('/tiltak hjelp');
    h.fake.assertNoViolations();
  });

  it('answers /tiltak help in English for a user who chose English', async () => {
    await h.command('U0OLA001', 'help');
    await h.fake.waitFor(() => h.fake.responses.at(-1));
    expect(h.lastReplyText()).toContain('Tiltak – help');
  });

  it('tells an unknown user whom to ask, naming the coordinator', async () => {
    const res = await h.command('U0STRANGER', 'hjelp');
    expect(res.status).toBe(200);
    await h.fake.waitFor(() => h.fake.responses.at(-1));
    expect(h.lastReplyText()).toContain('ikke registrert');
    expect(h.lastReplyText()).toContain('<@U0KOORD1>');
  });

  it('answers an unknown sub-command with what went wrong and the right usage', async () => {
    await h.command('U0KARI01', 'flurp 7');
    await h.fake.waitFor(() => h.fake.responses.at(-1));
    expect(h.lastReplyText()).toContain('`/tiltak flurp`');
    expect(h.lastReplyText()).toContain('/tiltak hjelp');
  });

  it('rejects a request with a bad signature', async () => {
    const res = await h.fake.sendCommand(
      h.appUrl,
      { command: '/tiltak', user_id: 'U0KARI01', text: 'hjelp' },
      { badSignature: true },
    );
    expect(res.status).toBe(401);
    expect(h.fake.responses).toHaveLength(0);
  });

  it('rejects a correctly signed request whose timestamp is more than five minutes old', async () => {
    const stale = Math.floor(Date.now() / 1000) - 6 * 60;
    const res = await h.fake.sendCommand(
      h.appUrl,
      { command: '/tiltak', user_id: 'U0KARI01', text: 'hjelp' },
      { timestamp: stale },
    );
    expect(res.status).toBe(401);
    expect(h.fake.responses).toHaveLength(0);
  });
});

describe('GET /healthz', () => {
  it('answers 200 with the database up', async () => {
    const res = await fetch(`http://127.0.0.1:${h.running.port}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', database: 'up', mode: 'http' });
  });
});
