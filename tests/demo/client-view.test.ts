// The demo's client bookkeeping against the shared stand-in, driven through
// the real WebClient: the modal stack as Slack keeps it, trigger_ids that
// expire after 3 s, and respond() landing where Slack shows it.
import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClientView } from '../../src/demo/client-view.js';
import { SlackStandIn } from '../../src/demo/slack/stand-in.js';
import { ManualClock } from '../../src/kernel/clock.js';

const modal = (title: string) => ({
  type: 'modal' as const,
  callback_id: 'cb',
  title: { type: 'plain_text' as const, text: title },
  blocks: [],
});

let standIn: SlackStandIn;
let web: WebClient;
let client: ClientView;

beforeAll(async () => {
  standIn = await new SlackStandIn({ botToken: 'xoxb-demo' }).start();
  web = new WebClient('xoxb-demo', { slackApiUrl: standIn.apiUrl, retryConfig: { retries: 0 } });
  client = new ClientView(standIn, new ManualClock('2004-06-01T08:00:00+02:00'));
});
afterAll(() => standIn.stop());

async function open(user: string, title: string): Promise<string> {
  const res = await web.views.open({ trigger_id: client.trigger(user), view: modal(title) });
  client.sync();
  return res.view?.id as string;
}

describe('the modal stack', () => {
  it('views.open starts a stack, views.push adds to it, views.update changes a view in place', async () => {
    const a = await open('U1', 'A');
    expect(client.stack('U1')).toEqual([a]);
    const pushed = await web.views.push({ trigger_id: client.trigger('U1'), view: modal('B') });
    client.sync();
    const b = pushed.view?.id as string;
    expect(client.stack('U1')).toEqual([a, b]);
    await web.views.update({ view_id: b, view: modal('B2') });
    client.sync();
    expect(client.stack('U1')).toEqual([a, b]);
    expect(standIn.state.views.get(b)?.view.title).toEqual({ type: 'plain_text', text: 'B2' });
    // Another user's modal is theirs alone.
    expect(client.stack('U2')).toEqual([]);
  });

  it('answers a submission as Slack does: errors keep the view, an empty ack closes it, push/update/clear', async () => {
    const a = await open('U3', 'A');
    expect(
      client.afterSubmit('U3', a, { response_action: 'errors', errors: { spend: 'Kan ikke være negativt.' } }),
    ).toEqual({
      ok: false,
      errors: { spend: 'Kan ikke være negativt.' },
    });
    expect(client.stack('U3')).toEqual([a]);
    expect(client.afterSubmit('U3', a, { response_action: 'push', view: modal('C') })).toEqual({ ok: true });
    const [, c] = client.stack('U3');
    expect(c).toBeDefined();
    client.afterSubmit('U3', c as string, { response_action: 'update', view: modal('C2') });
    expect(client.stack('U3')).toEqual([a, c]);
    expect(standIn.state.views.get(c as string)?.view.title).toEqual({ type: 'plain_text', text: 'C2' });
    client.afterSubmit('U3', c as string, undefined);
    expect(client.stack('U3')).toEqual([a]);
    client.afterSubmit('U3', a, { response_action: 'clear' });
    expect(client.stack('U3')).toEqual([]);
  });

  it('sends the view with the values typed so far, and view_closed only when the bot asked for it', async () => {
    const a = await open('U4', 'A');
    const values = { b1: { in: { type: 'plain_text_input', value: 'hei' } } };
    const payload = client.blockActions(
      'U4',
      { type: 'view', viewId: a },
      { type: 'button', action_id: 'x', block_id: 'b1' },
      values,
    );
    expect(payload).toMatchObject({
      type: 'block_actions',
      container: { type: 'view', view_id: a },
      view: { id: a, state: { values } },
      user: { id: 'U4' },
    });
    expect(client.viewSubmission('U4', a, values)).toMatchObject({
      type: 'view_submission',
      view: { id: a, state: { values } },
    });
    expect(client.viewSubmission('U5', a, values)).toBeNull();
    expect(client.closeView('U4', a)).toBeNull();
    expect(client.stack('U4')).toEqual([]);
  });
});

describe('trigger_ids', () => {
  it('work once', async () => {
    const trigger = client.trigger('U6');
    await web.views.open({ trigger_id: trigger, view: modal('A') });
    await expect(web.views.open({ trigger_id: trigger, view: modal('A') })).rejects.toMatchObject({
      data: { error: 'exchanged_trigger_id' },
    });
  });

  it('expire after 3 seconds, and no modal opens', async () => {
    const trigger = client.trigger('U7');
    await new Promise((r) => setTimeout(r, 3100));
    await expect(web.views.open({ trigger_id: trigger, view: modal('A') })).rejects.toMatchObject({
      data: { error: 'expired_trigger_id' },
    });
    client.sync();
    expect(client.stack('U7')).toEqual([]);
  });
});

describe('response_url', () => {
  const post = (url: string, body: object) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('a reply becomes an ephemeral for the user in that channel; replace and delete act on the clicked one', async () => {
    await post(client.responseUrl('U8', 'C1', null), { text: 'Første svar' });
    client.sync();
    const first = client.ephemerals.find((e) => e.user === 'U8');
    expect(first).toMatchObject({ channel: 'C1', text: 'Første svar' });
    const fromClick = client.responseUrl('U8', 'C1', { type: 'ephemeral', id: first?.id as string });
    await post(fromClick, { replace_original: true, text: 'Byttet ut' });
    client.sync();
    expect(client.ephemerals.filter((e) => e.user === 'U8').map((e) => e.text)).toEqual(['Byttet ut']);
    await post(client.responseUrl('U8', 'C1', { type: 'ephemeral', id: first?.id as string }), {
      delete_original: true,
    });
    client.sync();
    expect(client.ephemerals.filter((e) => e.user === 'U8')).toEqual([]);
  });

  it('replace_original on a channel message changes that message', async () => {
    const sent = await web.chat.postMessage({ channel: 'C2', text: 'Påminnelse' });
    client.sync();
    const url = client.responseUrl('U9', 'C2', { type: 'message', channel: 'C2', ts: sent.ts as string });
    await post(url, { replace_original: 'true', text: 'Utsatt til i morgen' });
    client.sync();
    expect(standIn.messages('C2').map((m) => m.text)).toEqual(['Utsatt til i morgen']);
  });
});
