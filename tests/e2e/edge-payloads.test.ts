import { describe, expect, it } from 'vitest';
import type { Json } from '../rig/block-kit-checker.js';
import { blockActionPayload, viewClosedPayload, viewSubmissionPayload } from '../rig/payloads.js';
import { buildCommand, buildEventEnvelope, buildInteraction } from '../rig/wire.js';
import { useHarness } from '../support/lifecycle.js';
import { captureLog } from '../support/log-capture.js';
import { ids } from '../support/slack-ids.js';
import {
  expectRefused,
  expectStillServing,
  expectWarnedOnce,
  FORM,
  formBody,
  interactiveBody,
  JSON_TYPE,
  postRaw,
  wireContext,
  writableCounts,
} from './edge-support.js';

const log = captureLog();
const h = useHarness({ logger: log.logger });

/** A well-formed submission of the update modal, to be broken one field at a time. */
function submission(): Json {
  return viewSubmissionPayload({
    userId: 'U0KARI01',
    callbackId: ids.views.updateModal,
    privateMetadata: JSON.stringify({ measure: 1, agency: 'JD', series: crypto.randomUUID() }),
    values: {
      [ids.blocks.updates.done]: { [ids.actions.updates.input]: { type: 'plain_text_input', value: 'Gjort' } },
    },
  });
}

const without = (payload: Json, key: string): Json =>
  Object.fromEntries(Object.entries(payload).filter(([k]) => k !== key));
const withView = (payload: Json, view: Json): Json => ({ ...payload, view: { ...(payload.view as Json), ...view } });

const interactions: [string, () => Json][] = [
  [
    'no type',
    () => without(blockActionPayload({ userId: 'U0KARI01', actionId: ids.actions.updates.open, value: '1' }), 'type'),
  ],
  [
    'a type Slack does not send',
    () => ({ ...blockActionPayload({ userId: 'U0KARI01', actionId: 'x' }), type: 'block_party' }),
  ],
  ['a type that is a number', () => ({ ...blockActionPayload({ userId: 'U0KARI01', actionId: 'x' }), type: 7 })],
  [
    'block_actions without user',
    () => without(blockActionPayload({ userId: 'U0KARI01', actionId: ids.actions.updates.open, value: '1' }), 'user'),
  ],
  [
    'block_actions with user {}',
    () => ({ ...blockActionPayload({ userId: 'U0KARI01', actionId: ids.actions.updates.open, value: '1' }), user: {} }),
  ],
  [
    'block_actions with user null',
    () => ({
      ...blockActionPayload({ userId: 'U0KARI01', actionId: ids.actions.updates.open, value: '1' }),
      user: null,
    }),
  ],
  [
    'block_actions with a numeric user id',
    () => ({
      ...blockActionPayload({ userId: 'U0KARI01', actionId: ids.actions.updates.open, value: '1' }),
      user: { id: 42 },
    }),
  ],
  [
    'block_actions with a user id of the wrong shape',
    () => blockActionPayload({ userId: 'kari; DROP TABLE', actionId: ids.actions.updates.open, value: '1' }),
  ],
  [
    'block_actions without actions',
    () => without(blockActionPayload({ userId: 'U0KARI01', actionId: 'x' }), 'actions'),
  ],
  [
    'block_actions with no action',
    () => ({ ...blockActionPayload({ userId: 'U0KARI01', actionId: 'x' }), actions: [] }),
  ],
  [
    'block_actions with actions that is an object',
    () => ({ ...blockActionPayload({ userId: 'U0KARI01', actionId: 'x' }), actions: { 0: {} } }),
  ],
  [
    'block_actions with an action without action_id',
    () => ({ ...blockActionPayload({ userId: 'U0KARI01', actionId: 'x' }), actions: [{ type: 'button' }] }),
  ],
  ['view_submission without user', () => without(submission(), 'user')],
  ['view_submission with user {}', () => ({ ...submission(), user: {} })],
  ['view_submission without view', () => without(submission(), 'view')],
  ['view_submission with view null', () => ({ ...submission(), view: null })],
  [
    'view_submission without callback_id',
    () => ({ ...submission(), view: without(submission().view as Json, 'callback_id') }),
  ],
  ['view_submission without state', () => ({ ...submission(), view: without(submission().view as Json, 'state') })],
  ['view_submission with state values that are a string', () => withView(submission(), { state: { values: 'x' } })],
  ['view_submission with private_metadata that is a number', () => withView(submission(), { private_metadata: 12 })],
  [
    'view_closed without view',
    () => without(viewClosedPayload({ userId: 'U0KARI01', callbackId: ids.views.updateModal }), 'view'),
  ],
  [
    'block_suggestion without value',
    () => ({ type: 'block_suggestion', user: { id: 'U0KARI01' }, action_id: 'a', block_id: 'b' }),
  ],
  ['shortcut without callback_id', () => ({ type: 'shortcut', user: { id: 'U0KARI01' } })],
];

describe('an interactive payload that lacks what its type needs', () => {
  it.each(interactions)('is refused at once with 400 when it has %s, and nothing is written', async (_label, make) => {
    const from = log.lines.length;
    const before = await writableCounts(h);
    const res = await postRaw(h, interactiveBody(buildInteraction(wireContext(h.fake), make())));
    expect(res.status).toBe(400);
    expectRefused(res);
    expectWarnedOnce(log, from);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await writableCounts(h)).toEqual(before);
    expect(h.fake.calls.filter((c) => c.method.startsWith('views.') || c.method.startsWith('chat.'))).toEqual([]);
    await expectStillServing(h);
  });
});

describe('an interactive payload nobody handles', () => {
  it('answers a submission of a modal the bot does not know with 400 at once, not after 3 seconds', async () => {
    const from = log.lines.length;
    const res = await postRaw(
      h,
      interactiveBody(
        buildInteraction(
          wireContext(h.fake),
          viewSubmissionPayload({ userId: 'U0KARI01', callbackId: 'no_such_modal' }),
        ),
      ),
    );
    expect(res.status).toBe(400);
    expectRefused(res);
    expectWarnedOnce(log, from);
  });

  it('still acks a button the bot no longer has, so the user sees no warning', async () => {
    const res = await postRaw(
      h,
      interactiveBody(
        buildInteraction(wireContext(h.fake), blockActionPayload({ userId: 'U0KARI01', actionId: 'renamed_long_ago' })),
      ),
    );
    expect(res).toMatchObject({ status: 200, body: '' });
  });
});

describe('a slash command that lacks what it needs', () => {
  const command = (fields: Record<string, string>) => {
    const built = buildCommand(wireContext(h.fake), { command: '/rapport', user_id: 'U0KOORD1', text: 'send 1' });
    return formBody({ ...built, ...fields });
  };

  it.each([
    [
      'no user_id',
      () =>
        formBody(
          Object.fromEntries(
            Object.entries(
              buildCommand(wireContext(h.fake), { command: '/rapport', user_id: 'U0KOORD1', text: 'send 1' }),
            ).filter(([k]) => k !== 'user_id'),
          ),
        ),
    ],
    ['an empty user_id', () => command({ user_id: '' })],
    ['a user_id of the wrong shape', () => command({ user_id: 'u0koord1' })],
    [
      'no command',
      () =>
        formBody(
          Object.fromEntries(
            Object.entries(
              buildCommand(wireContext(h.fake), { command: '/rapport', user_id: 'U0KOORD1', text: 'send 1' }),
            ).filter(([k]) => k !== 'command'),
          ),
        ),
    ],
    ['a command without a slash', () => command({ command: 'rapport' })],
    [
      'no response_url',
      () =>
        formBody(
          Object.fromEntries(
            Object.entries(
              buildCommand(wireContext(h.fake), { command: '/rapport', user_id: 'U0KOORD1', text: 'send 1' }),
            ).filter(([k]) => k !== 'response_url'),
          ),
        ),
    ],
  ])('is refused at once with 400 when it has %s, and nothing is posted', async (_label, make) => {
    const from = log.lines.length;
    const res = await postRaw(h, make(), { contentType: FORM });
    expect(res.status).toBe(400);
    expectRefused(res);
    expectWarnedOnce(log, from);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(h.fake.responses).toEqual([]);
    expect(h.fake.callsTo('chat.postMessage')).toEqual([]);
    await expectStillServing(h);
  });

  it('answers a command the bot does not have with 400 at once', async () => {
    const from = log.lines.length;
    const res = await postRaw(h, command({ command: '/ukjent' }));
    expect(res.status).toBe(400);
    expectRefused(res);
    expectWarnedOnce(log, from);
  });
});

describe('an Events API body that lacks what it needs', () => {
  const envelope = (event: Json): Json => buildEventEnvelope(wireContext(h.fake), event);

  it.each([
    ['no event', () => without(envelope({ type: 'app_home_opened', user: 'U0KARI01', tab: 'home' }), 'event')],
    ['an event that is a string', () => ({ ...envelope({ type: 'x' }), event: 'app_home_opened' })],
    ['no event_id', () => without(envelope({ type: 'app_home_opened', user: 'U0KARI01', tab: 'home' }), 'event_id')],
    ['app_home_opened without user', () => envelope({ type: 'app_home_opened', tab: 'home' })],
    ['app_home_opened with user {}', () => envelope({ type: 'app_home_opened', user: {}, tab: 'home' })],
    ['an event without type', () => envelope({ user: 'U0KARI01' })],
  ])('is acked with an empty 200 and dropped when it has %s (so Slack does not retry it)', async (_label, make) => {
    const from = log.lines.length;
    const res = await postRaw(h, JSON.stringify(make()), { contentType: JSON_TYPE });
    expect(res).toMatchObject({ status: 200, body: '' });
    expectRefused(res);
    expectWarnedOnce(log, from);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(h.fake.callsTo('views.publish')).toEqual([]);
  });

  it('answers a JSON body of a type Slack does not send with 400', async () => {
    const res = await postRaw(
      h,
      JSON.stringify({
        type: 'block_actions',
        user: { id: 'U0KARI01' },
        actions: [{ type: 'button', action_id: 'x' }],
      }),
      { contentType: JSON_TYPE },
    );
    expect(res.status).toBe(400);
  });
});
