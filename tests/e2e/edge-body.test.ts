import { describe, expect, it } from 'vitest';
import { useHarness } from '../support/lifecycle.js';
import { captureLog } from '../support/log-capture.js';
import {
  expectRefused,
  expectStillServing,
  expectWarnedOnce,
  FORM,
  formBody,
  JSON_TYPE,
  postRaw,
  writableCounts,
} from './edge-support.js';

const log = captureLog();
const h = useHarness({ logger: log.logger });

/** Sends a signed hostile body, and checks the answer, the log and that the bot still serves. */
async function hostile(body: string, contentType: string, status: number): Promise<void> {
  const from = log.lines.length;
  const before = await writableCounts(h);
  const res = await postRaw(h, body, { contentType });
  expect(res.status).toBe(status);
  expectRefused(res);
  expectWarnedOnce(log, from);
  expect(await writableCounts(h)).toEqual(before);
  await expectStillServing(h);
}

describe('a signed body that is not a JSON object', () => {
  it('answers payload=null with 400, and the bot keeps running', async () => {
    await hostile('payload=null', FORM, 400);
  });

  it.each(['null', '[]', '[{"type":"block_actions"}]', '42', '"text"', 'true'])(
    'answers payload=%s with 400',
    async (json) => {
      await hostile(formBody({ payload: json }), FORM, 400);
    },
  );

  it.each(['null', '[]', '42', '"event_callback"', 'false'])('answers a JSON body of %s with 400', async (json) => {
    await hostile(json, JSON_TYPE, 400);
  });

  it('answers JSON that does not parse with 400', async () => {
    await hostile('{"type":"event_callback",', JSON_TYPE, 400);
    await hostile(formBody({ payload: '{"type":' }), FORM, 400);
  });
});

describe('a signed body the bot cannot read', () => {
  it('answers a body over 1 MiB with 413', async () => {
    await hostile(
      formBody({ payload: JSON.stringify({ type: 'block_actions', pad: 'x'.repeat(1_200_000) }) }),
      FORM,
      413,
    );
  });

  it('answers invalid urlencoding with 400', async () => {
    await hostile('payload=%E0%A4%A', FORM, 400);
    await hostile('command=%2Ftiltak&user_id=U0KARI01&text=%ZZ', FORM, 400);
  });

  it('answers a field sent twice with 400', async () => {
    await hostile('payload=%7B%7D&payload=%7B%7D', FORM, 400);
    await hostile('command=%2Ftiltak&user_id=U0KARI01&user_id=U0KOORD1&text=hjelp', FORM, 400);
  });

  it.each(['text/plain', 'multipart/form-data; boundary=x', 'application/xml'])(
    'answers the content type %s with 415',
    async (type) => {
      await hostile('payload=%7B%7D', type, 415);
    },
  );
});

describe('what Slack itself sends outside commands and actions', () => {
  it('answers an unsigned ssl_check with an empty 200', async () => {
    const res = await postRaw(h, 'ssl_check=1&token=verification-token-test', { sign: false });
    expect(res).toMatchObject({ status: 200, body: '' });
  });

  it('answers a signed url_verification with its challenge', async () => {
    const res = await postRaw(h, JSON.stringify({ token: 't', challenge: 'abc123', type: 'url_verification' }), {
      contentType: JSON_TYPE,
    });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ challenge: 'abc123' });
  });

  it('refuses an unsigned url_verification', async () => {
    const res = await postRaw(h, JSON.stringify({ challenge: 'abc123', type: 'url_verification' }), {
      contentType: JSON_TYPE,
      sign: false,
    });
    expect(res.status).toBe(401);
  });
});

describe('paths and methods the bot does not serve', () => {
  it.each([
    ['GET', '/slack/events', 405],
    ['PUT', '/slack/events', 405],
    ['GET', '/', 404],
    ['POST', '/slack/install', 404],
    ['GET', '/healthz/../admin', 404],
    ['POST', '/healthz', 405],
  ])('answers %s %s with %i, logged at warn', async (method, path, status) => {
    const from = log.lines.length;
    const res = await postRaw(h, '', { method, path, sign: false });
    expect(res.status).toBe(status);
    expectRefused(res);
    expectWarnedOnce(log, from);
    await expectStillServing(h);
  });

  it('still serves GET /healthz', async () => {
    const res = await fetch(`http://127.0.0.1:${h.running.port}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', database: 'up', mode: 'http' });
  });
});
