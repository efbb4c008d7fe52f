// Helpers for /tiltak-admin's end-to-end tests: type a command, find the modal the bot opened, and submit it as Slack does.
import { ids } from '../../src/features/admin/contract.js';
import type { Json } from '../rig/block-kit-checker.js';
import { blockActionPayload, viewSubmissionPayload } from '../rig/payloads.js';
import type { Harness } from '../support/harness.js';
import { actionValue, allText } from './updates-support.js';

const input = ids.actions.admin.input;

/** One input's state, as Slack sends it in view.state.values. */
export const field = {
  text: (value: string | null): Record<string, Json> => ({ [input]: { type: 'plain_text_input', value } }),
  select: (value: string | null): Record<string, Json> => ({
    [input]: {
      type: 'static_select',
      selected_option: value === null ? null : { value, text: { type: 'plain_text', text: value } },
    },
  }),
  multi: (values: string[]): Record<string, Json> => ({
    [input]: { type: 'multi_static_select', selected_options: values.map((value) => ({ value })) },
  }),
  user: (value: string | null): Record<string, Json> => ({ [input]: { type: 'users_select', selected_user: value } }),
  conversation: (value: string | null): Record<string, Json> => ({
    [input]: { type: 'conversations_select', selected_conversation: value },
  }),
  date: (value: string | null): Record<string, Json> => ({ [input]: { type: 'datepicker', selected_date: value } }),
};

/** Types a command and waits for its ephemeral answer; '' when it answered only with a modal. */
export async function say(h: Harness, user: string, text: string, opensModal = false): Promise<string> {
  const before = h.fake.responses.length;
  const views = h.fake.callsTo('views.update').length;
  await h.command(user, text, '/tiltak-admin');
  if (opensModal) {
    await h.fake.waitFor(() => h.fake.callsTo('views.update').length > views || undefined);
    return '';
  }
  const post = await h.fake.waitFor(() => h.fake.responses[before]);
  return allText(post.body);
}

/** The latest view the bot put in front of anyone (the modal after its loading notice was replaced). */
export function latestView(h: Harness): Json {
  const update = h.fake.callsTo('views.update').at(-1);
  if (update === undefined) throw new Error('no modal was filled in');
  return { ...(update.args.view as Json), id: update.args.view_id };
}

/** The latest view, once it is the one with this callback_id (and, given `after`, a view filled in since that many). */
export async function modal(h: Harness, callbackId: string, after = 0): Promise<Json> {
  return h.fake.waitFor(() => {
    const updates = h.fake.callsTo('views.update');
    const update = updates.length > after ? updates.at(-1) : undefined;
    const view = update?.args.view as Json | undefined;
    return view?.callback_id === callbackId ? { ...view, id: update?.args.view_id } : undefined;
  });
}

export interface SubmitResult {
  action: string | undefined;
  errors: Record<string, string>;
  /** The text of the notice that replaced the form, if any. */
  notice: string;
}

export async function submitView(
  h: Harness,
  user: string,
  callbackId: string,
  privateMetadata: string,
  values: Record<string, Record<string, Json>>,
): Promise<SubmitResult> {
  const res = await h.interact(viewSubmissionPayload({ userId: user, callbackId, privateMetadata, values }));
  const json = (res.json ?? {}) as { response_action?: string; errors?: Record<string, string>; view?: Json };
  return { action: json.response_action, errors: json.errors ?? {}, notice: allText(json.view?.blocks ?? []) };
}

/** Submits the modal as it was opened, with these values. */
export function submitModal(h: Harness, user: string, view: Json, values: Record<string, Record<string, Json>>) {
  return submitView(h, user, view.callback_id as string, view.private_metadata as string, values);
}

/** The value of the button with this action_id in a Block Kit structure. */
export function buttonValue(blocks: unknown, actionId: string): string {
  const value = actionValue(blocks, actionId);
  if (value === undefined) throw new Error(`no button ${actionId}`);
  return value;
}

/** The text of everything the latest command answer showed. */
export function lastReply(h: Harness): string {
  return allText(h.fake.responses.at(-1)?.body);
}

/** A click on a button, in a message or in an open modal. */
export function click(h: Harness, user: string, actionId: string, value: string, view?: Json) {
  return h.interact(
    blockActionPayload({
      userId: user,
      actionId,
      value,
      ...(view === undefined ? { message: { channel: 'D0TEST', ts: '1.000001' } } : { view }),
    }),
  );
}
