// Drives a minimal real Bolt app through the fake, over HTTP and Socket Mode,
// to pin the wire formats the bot's end-to-end tests rely on.

import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, LogLevel } from '@slack/bolt';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeSlack } from './fake-slack.js';
import { viewSubmissionPayload } from './payloads.js';

const fake = new FakeSlack();
const modal = { type: 'modal' as const, title: { type: 'plain_text' as const, text: 'Plan' }, blocks: [] };

function wire(app: App): App {
  app.command('/tiltak', async ({ ack, respond, command, client }) => {
    await ack();
    await respond({ text: `hei ${command.text}`, response_type: 'ephemeral' });
    await client.chat.postMessage({ channel: command.channel_id, text: 'done' });
  });
  app.command('/big', async ({ ack, respond }) => {
    await ack();
    await respond({ text: 'x', blocks: Array.from({ length: 51 }, () => ({ type: 'divider' })) }).catch(
      () => undefined,
    );
  });
  app.action('open', async ({ ack, body, client }) => {
    await ack();
    if ('trigger_id' in body) await client.views.open({ trigger_id: body.trigger_id, view: modal });
  });
  app.view('plan_modal', async ({ ack, view }) => {
    if (view.state.values.week?.week_input?.value === 'bad') {
      await ack({ response_action: 'errors', errors: { week: 'Nope' } });
    } else {
      await ack({
        response_action: 'update',
        view: { ...modal, title: { type: 'plain_text', text: 'A title far too long for Slack' } },
      });
    }
  });
  app.event('app_mention', async ({ say }) => {
    await say('hei');
  });
  return app;
}

describe('Bolt over HTTP', () => {
  let app: App;
  let appUrl = '';
  beforeAll(async () => {
    await fake.start();
    app = wire(
      new App({
        token: 'xoxb-test',
        signingSecret: fake.signingSecret,
        clientOptions: { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } },
        logLevel: LogLevel.ERROR,
      }),
    );
    const server = (await app.start({ port: 0, host: '127.0.0.1' })) as Server;
    appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
  });
  afterAll(async () => {
    await app.stop();
    await fake.stop();
  });
  afterEach(() => fake.reset());

  it('acks a slash command, then respond() and the Web API are observable', async () => {
    const res = await fake.sendCommand(appUrl, { command: '/tiltak', user_id: 'U1', channel_id: 'C1', text: 'plan' });
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(3000);
    const reply = await fake.waitFor(() => fake.responses[0]);
    expect(reply.body).toMatchObject({ text: 'hei plan', response_type: 'ephemeral' });
    expect(res.sent.response_url).toContain(`/response/${reply.id}`);
    await fake.waitFor(() => fake.messages('C1')[0]?.text === 'done');
    fake.assertNoViolations();
  });

  it('rejects stale timestamps and bad signatures', async () => {
    const stale = await fake.sendCommand(
      appUrl,
      { command: '/tiltak', user_id: 'U1' },
      { timestamp: Math.floor(Date.now() / 1000) - 600 },
    );
    const forged = await fake.sendCommand(appUrl, { command: '/tiltak', user_id: 'U1' }, { badSignature: true });
    expect([stale.status, forged.status]).toEqual([401, 401]);
    expect(fake.responses).toEqual([]);
  });

  it('records a response_url Block Kit breach', async () => {
    await fake.sendCommand(appUrl, { command: '/big', user_id: 'U1' });
    await fake.waitFor(() => fake.violations.length > 0);
    expect(fake.violations[0]?.source).toBe('response_url');
    expect(fake.responses[0]?.ok).toBe(false);
  });

  it('handles a block action that opens a modal with its trigger', async () => {
    const res = await fake.sendInteraction(appUrl, {
      type: 'block_actions',
      user: { id: 'U1' },
      actions: [{ type: 'button', action_id: 'open', block_id: 'b', action_ts: '1.2' }],
    });
    expect(res.status).toBe(200);
    const call = await fake.waitFor(() => fake.callsTo('views.open')[0]);
    expect(call.args.trigger_id).toBe(res.sent.trigger_id);
    expect(call.ok).toBe(true);
  });

  it('returns view_submission acks and checks response_action views', async () => {
    const submit = (value: string) =>
      fake.sendInteraction(
        appUrl,
        viewSubmissionPayload({
          userId: 'U1',
          callbackId: 'plan_modal',
          values: { week: { week_input: { type: 'plain_text_input', value } } },
        }),
      );
    expect((await submit('bad')).json).toEqual({ response_action: 'errors', errors: { week: 'Nope' } });
    fake.assertNoViolations();
    await submit('ok');
    expect(fake.violations[0]).toMatchObject({ source: 'interactive ack', kind: 'modal' });
  });

  it('delivers events in the event_callback envelope', async () => {
    const res = await fake.sendEvent(appUrl, {
      type: 'app_mention',
      user: 'U1',
      text: 'hei',
      channel: 'C2',
      ts: '1.000001',
    });
    expect(res.status).toBe(200);
    await fake.waitFor(() => fake.messages('C2')[0]?.text === 'hei');
  });
});

describe('Bolt over Socket Mode', () => {
  it('reaches the fake through App clientOptions alone', async () => {
    const sm = await new FakeSlack().start();
    const app = wire(
      new App({
        token: 'xoxb-test',
        appToken: 'xapp-test',
        socketMode: true,
        // Bolt hands App.clientOptions on to its SocketModeClient (via installerOptions).
        clientOptions: { slackApiUrl: sm.apiUrl },
        logLevel: LogLevel.ERROR,
      }),
    );
    await app.start();
    const ack = await sm.deliverCommand({ command: '/tiltak', user_id: 'U1', channel_id: 'C1', text: 'sm' });
    expect(ack.envelope_id).toMatch(/^env-/);
    await sm.waitFor(() => sm.responses[0]?.body.text === 'hei sm');
    await app.stop();
    await sm.stop();
  });
});
