import { createServer, type Server } from 'node:http';
import { type AddressInfo, createServer as createTcpServer } from 'node:net';
import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/kernel/config.js';
import { slackClientOptions } from '../../src/kernel/slack/client-options.js';
import { logUrl } from '../../src/kernel/slack/init-with-retry.js';
import { classifySlackFailure, describeSlackFailure } from '../../src/kernel/slack/slack-failure.js';
import { FakeSlack } from '../rig/fake-slack.js';

/** The error auth.test really throws, through the bot's own client settings. */
async function authTestError(apiUrl: string, timeout?: number): Promise<unknown> {
  const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_SIGNING_SECRET: 's', SLACK_API_URL: apiUrl });
  const client = new WebClient(config.SLACK_BOT_TOKEN, {
    ...slackClientOptions(config),
    ...(timeout ? { timeout } : {}),
  });
  return client.auth.test().then(
    () => {
      throw new Error('auth.test succeeded');
    },
    (error: unknown) => error,
  );
}

async function closedPort(): Promise<number> {
  const server = createTcpServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

let fake: FakeSlack;
let silent: Server;
beforeAll(async () => {
  fake = await new FakeSlack({ botToken: 'xoxb-test-token' }).start();
  // Accepts and never answers: the shape of a firewall that drops, or a proxy that hangs.
  silent = createServer(() => undefined);
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  silent.closeAllConnections();
  await new Promise((resolve) => silent.close(resolve));
  await fake.stop();
});

describe('why Slack could not be reached, from the error the client throws', () => {
  it('a closed port is "refused"', async () => {
    const failure = classifySlackFailure(await authTestError(`http://127.0.0.1:${await closedPort()}/api/`));
    expect(failure).toEqual({ kind: 'refused', code: 'ECONNREFUSED' });
    expect(describeSlackFailure(failure)).toBe('connection refused (ECONNREFUSED)');
  });

  it('a name that does not resolve is "dns"', async () => {
    const failure = classifySlackFailure(await authTestError('http://tiltak-nowhere.invalid/api/'));
    expect(failure.kind).toBe('dns');
    expect(['ENOTFOUND', 'EAI_AGAIN']).toContain('code' in failure ? failure.code : '');
  });

  it('https to something that does not speak TLS is "tls"', async () => {
    const plain = createServer((_req, res) => res.end('not tls'));
    await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve));
    try {
      const failure = classifySlackFailure(
        await authTestError(`https://127.0.0.1:${(plain.address() as AddressInfo).port}/api/`),
      );
      expect(failure.kind).toBe('tls');
    } finally {
      plain.closeAllConnections();
      await new Promise((resolve) => plain.close(resolve));
    }
  });

  it('a server that never answers is "timeout"', async () => {
    const { port } = silent.address() as AddressInfo;
    const failure = classifySlackFailure(await authTestError(`http://127.0.0.1:${port}/api/`, 300));
    expect(failure.kind).toBe('timeout');
  });

  it('a 5xx or a 429 from Slack is its HTTP status, with Retry-After kept', async () => {
    fake.failNext('auth.test', { status: 503 });
    expect(classifySlackFailure(await authTestError(fake.apiUrl))).toEqual({
      kind: 'http',
      status: 503,
      retryAfterMs: null,
    });
    fake.failNext('auth.test', { status: 429, retryAfter: 7 });
    expect(classifySlackFailure(await authTestError(fake.apiUrl))).toEqual({
      kind: 'http',
      status: 429,
      retryAfterMs: 7000,
    });
  });

  it('an error Slack answers with is its code', async () => {
    fake.failNext('auth.test', { error: 'fatal_error' });
    expect(classifySlackFailure(await authTestError(fake.apiUrl))).toEqual({
      kind: 'slack_error',
      code: 'fatal_error',
    });
  });

  it('anything else is "unknown", with what the innermost error says for the operator', async () => {
    // Port 1 is one fetch refuses to connect to at all ("bad port"), with no error code.
    const failure = classifySlackFailure(await authTestError('http://127.0.0.1:1/api/'));
    expect(failure).toMatchObject({ kind: 'unknown', code: 'slack_webapi_request_error', detail: 'bad port' });
    expect(describeSlackFailure(failure)).toBe('unexpected error (slack_webapi_request_error: bad port)');
  });
});

describe('the URL in the log', () => {
  it('is the method under SLACK_API_URL, without user info, query or fragment', () => {
    expect(logUrl('https://bot:s3cret@slack.example.org/api/?token=xoxb-1#x', 'auth.test')).toBe(
      'https://slack.example.org/api/auth.test',
    );
    expect(logUrl('https://slack.com/api/', 'auth.test')).toBe('https://slack.com/api/auth.test');
    expect(logUrl('https://slack-gov.com/api', 'auth.test')).toBe('https://slack-gov.com/api/auth.test');
  });
});
