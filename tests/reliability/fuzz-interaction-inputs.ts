// Generators for interactive payloads: any JSON value, objects shaped like
// each payload type with fields missing or retyped, and the app's own
// buttons and selects carrying mutated values.
import fc from 'fast-check';
import { encodeReminderButton } from '../../src/features/reminders/contract.js';
import { encodeMetadata, encodeOpen, encodePage } from '../../src/features/updates/contract.js';
import { knownActionIds, viewCallbackIds } from '../../src/slack-ids.js';
import { isRecord, type Json } from '../rig/block-kit-checker.js';
import { formEncode } from '../rig/wire.js';
import { hostileText, mutatedJsonText, slackIdLike } from './fuzz-arbitraries.js';
import { ids } from './fuzz-ids.js';

/** A payload sent form-encoded with the envelope Slack adds, or a raw body sent as it is. */
export type Interaction = { raw: string } | { payload: Json };

const someUser = fc.oneof(
  { weight: 4, arbitrary: slackIdLike.map((id) => ({ id, username: 'x', team_id: 'T0TEST' })) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<unknown>(
      undefined,
      null,
      {},
      { id: null },
      { id: 42 },
      { id: ['U0KARI01'] },
      'U0KARI01',
      { name: 'kari' },
    ),
  },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);

/** A field that is right, missing, or of any other type. */
const maybe = <T>(right: fc.Arbitrary<T>) =>
  fc.oneof(
    { weight: 3, arbitrary: right.map((v): unknown => v) },
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  );

const TYPES = [
  'block_actions',
  'view_submission',
  'view_closed',
  'shortcut',
  'message_action',
  'block_suggestion',
  'interactive_message',
  'dialog_submission',
  'workflow_step_edit',
];
const realActionIds = knownActionIds();
const actionId = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...realActionIds) },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
);
const realCallbacks = viewCallbackIds();
const callbackId = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...realCallbacks) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
);
const SERIES = '3f1c9a4e-8b2d-4c6f-9e1a-7d5b2c8f0a13';

/** The value each real button carries, written by the app's own codecs, to be mutated into near misses. */
const decoded = (json: string): Record<string, unknown> => JSON.parse(json) as Record<string, unknown>;
const reminder = encodeReminderButton({ measureId: 1, agencyId: 1, measureNumber: 1, period: 'd2004-01-15' });
const REAL_VALUES: Record<string, Record<string, unknown>> = {
  [ids.actions.updates.open]: decoded(encodeOpen({ m: 1, a: 1 })),
  [ids.actions.updates.pagePrev]: decoded(encodePage({ k: 'list', p: 1 })),
  [ids.actions.updates.pageNext]: decoded(encodePage({ k: 'history', p: 0, m: 1 })),
  [ids.actions.reminders.updateNow]: decoded(reminder),
  [ids.actions.reminders.snooze]: decoded(reminder),
  [ids.actions.reminders.waive]: decoded(
    encodeReminderButton({ measureId: 2, agencyId: 1, measureNumber: 2, period: 'r1~z2' }),
  ),
};
const buttonValue = (action: string): fc.Arbitrary<string> => {
  const real = REAL_VALUES[action];
  if (real !== undefined) return mutatedJsonText(real);
  if (action === ids.actions.updates.edit) return fc.oneof(fc.constant(SERIES), fc.uuid(), hostileText);
  return fc.oneof(fc.constantFrom('1', '2', '0', '-1', '99999999999', '1.5', ''), hostileText);
};
const modalView = fc.record(
  {
    id: maybe(fc.constantFrom('V00000001', 'V0FAKE')),
    type: maybe(fc.constantFrom('modal', 'home')),
    callback_id: maybe(callbackId),
    hash: maybe(fc.constant('1.abc')),
    private_metadata: maybe(
      fc.oneof(
        fc.constant(encodeMetadata({ s: SERIES, b: 0, m: 1, a: 1, src: 'command' })),
        mutatedJsonText({ s: SERIES, b: 0, m: 1, a: 1, src: 'home' }),
      ),
    ),
    state: maybe(
      fc.record({
        values: maybe(fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 })),
      }),
    ),
  },
  { requiredKeys: [] },
);

/** A click on one of the app's own buttons or selects, with its value mutated. */
const realAction = actionId.chain((id) =>
  fc.record(
    {
      type: fc.constant('block_actions'),
      user: someUser,
      actions: fc.tuple(
        fc.record(
          {
            type: fc.constantFrom('button', 'static_select', 'datepicker', 'overflow'),
            action_id: fc.constant(id),
            block_id: fc.constantFrom('block', ids.blocks.updates.measure, ids.blocks.reminders.buttons),
            value: maybe(buttonValue(id)),
            selected_option: maybe(fc.record({ value: fc.oneof(fc.constantFrom('1', '2', '3'), hugeWord()) })),
          },
          { requiredKeys: ['type', 'action_id'] },
        ),
      ),
      view: maybe(modalView),
      container: maybe(
        fc.constantFrom(
          { type: 'message', channel_id: 'D0TEST', message_ts: '1.000001' },
          { type: 'view', view_id: 'V00000001' },
        ),
      ),
    },
    { requiredKeys: ['type', 'actions'] },
  ),
);
function hugeWord() {
  return fc.oneof(fc.string({ maxLength: 12 }), fc.bigInt().map(String));
}

/** Objects shaped like each payload type, with any field missing or of the wrong type. */
const shaped = fc.record(
  {
    type: fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...TYPES) },
      { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 1 }) },
    ),
    user: someUser,
    actions: maybe(
      fc.array(
        fc.record(
          { action_id: maybe(actionId), type: maybe(fc.constant('button')), value: maybe(fc.string()) },
          { requiredKeys: [] },
        ),
        { maxLength: 3 },
      ),
    ),
    view: maybe(modalView),
    callback_id: maybe(callbackId),
    trigger_id: maybe(fc.string({ maxLength: 20 })),
    team: maybe(fc.constant({ id: 'T0TEST' })),
    channel: maybe(fc.constant({ id: 'C0TEST0001' })),
    message: maybe(fc.constant({ ts: '1.000001', text: '' })),
    response_url: fc.constantFrom<unknown>(undefined, 'not a url', '', 42, 'http://127.0.0.1:1/nowhere'),
    is_cleared: maybe(fc.boolean()),
  },
  { requiredKeys: ['type'] },
);

const garbageBody = fc.oneof(
  fc.constantFrom(
    '',
    'payload=',
    'payload=%7B',
    'payload=null',
    'payload=undefined',
    'payload',
    'ssl_check=1',
    'foo=bar',
    'payload=%5B%5D&payload=%7B%7D',
    '%%%',
    'payload=%00',
  ),
  fc.string({ unit: 'binary', maxLength: 100 }),
  fc.string({ maxLength: 100 }).map((s) => formEncode({ payload: s })),
);

export const interaction: fc.Arbitrary<Interaction> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .jsonValue()
      .map((v): Interaction => (isRecord(v) ? { payload: v } : { raw: formEncode({ payload: JSON.stringify(v) }) })),
  },
  { weight: 3, arbitrary: shaped.map((p): Interaction => ({ payload: p as Json })) },
  { weight: 4, arbitrary: realAction.map((p): Interaction => ({ payload: p as Json })) },
  { weight: 1, arbitrary: garbageBody.map((raw): Interaction => ({ raw })) },
);
