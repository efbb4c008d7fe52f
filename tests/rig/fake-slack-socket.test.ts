// Pins the Socket Mode side of the fake against the real SocketModeClient.

import { LogLevel, SocketModeClient } from '@slack/socket-mode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeSlack } from './fake-slack.js';

const fake = new FakeSlack();
beforeAll(async () => {
  await fake.start();
});
afterAll(async () => {
  await fake.stop();
});

function newClient(opts: { autoReconnectEnabled?: boolean; clientPingTimeout?: number } = {}): SocketModeClient {
  return new SocketModeClient({
    appToken: 'xapp-test',
    clientOptions: { slackApiUrl: fake.apiUrl },
    logLevel: LogLevel.ERROR,
    ...opts,
  });
}

describe('Socket Mode', () => {
  it('connects, receives an envelope and acks it', async () => {
    const smc = newClient();
    smc.on(
      'slash_commands',
      async ({ ack, body }: { ack: (r?: Record<string, unknown>) => Promise<void>; body: { text: string } }) => {
        await ack({ text: `got ${body.text}` });
      },
    );
    await smc.start();
    expect(fake.callsTo('apps.connections.open')[0]?.token).toBe('xapp-test');
    expect(fake.socket.sent[0]).toMatchObject({ type: 'hello', connection_info: { app_id: 'A1' } });

    const ack = await fake.deliverCommand({ command: '/tiltak', user_id: 'U1', text: 'plan' });
    expect(ack.payload).toEqual({ text: 'got plan' });
    await smc.disconnect();
  });

  it('delivers events_api envelopes without accepts_response_payload', async () => {
    const smc = newClient();
    const seen: string[] = [];
    smc.on('app_mention', async ({ ack, event }: { ack: () => Promise<void>; event: { text: string } }) => {
      seen.push(event.text);
      await ack();
    });
    await smc.start();
    const ack = await fake.deliverEvent({
      type: 'app_mention',
      user: 'U1',
      text: '<@UBOT0001> hei',
      channel: 'C1',
      ts: '1.000001',
    });
    expect(ack.envelope_id).toMatch(/^env-/);
    expect(seen).toEqual(['<@UBOT0001> hei']);
    expect(fake.socket.sent.at(-1)).toMatchObject({
      type: 'events_api',
      accepts_response_payload: false,
      retry_attempt: 0,
    });
    await smc.disconnect();
  });

  it('times out when the bot never acks', async () => {
    const smc = newClient();
    await smc.start();
    await expect(fake.deliver('interactive', { type: 'block_actions' }, { timeoutMs: 100 })).rejects.toThrow(/no ack/);
    await smc.disconnect();
  });

  it('makes the client reconnect on a disconnect message', async () => {
    const smc = newClient({ clientPingTimeout: 90 });
    await smc.start();
    const before = fake.socket.connectionsOpened;
    // Wait for the client's own 'connected': disconnecting mid-handshake makes
    // SocketModeClient's internal start() reject unhandled.
    const reconnected = new Promise<void>((resolve) => smc.once('connected', () => resolve()));
    fake.socket.requestReconnect();
    await reconnected;
    expect(fake.socket.connectionsOpened).toBe(before + 1);
    expect(fake.socket.openSockets).toHaveLength(1);
    await smc.disconnect();
  });

  it('closes live connections cleanly on stop', async () => {
    const other = await new FakeSlack().start();
    const smc = new SocketModeClient({
      appToken: 'xapp-test',
      clientOptions: { slackApiUrl: other.apiUrl },
      logLevel: LogLevel.ERROR,
      autoReconnectEnabled: false,
    });
    await smc.start();
    const disconnected = new Promise<void>((resolve) => smc.once('disconnected', () => resolve()));
    await other.stop();
    await disconnected;
    await expect(other.deliver('events_api', {})).rejects.toThrow(/no Socket Mode connection/);
  });
});
