// Builders for the interaction payloads Slack sends, trimmed to the fields
// Bolt and typical handlers read. Pass the result to sendInteraction or
// deliverInteraction, which add token, team, api_app_id and trigger_id.
import type { Json } from './block-kit-checker.js';

export type BlockActionInput = {
  userId: string;
  actionId: string;
  blockId?: string;
  /** Button value, or omitted for selects. */
  value?: string;
  /** Element type; 'button' by default. */
  actionType?: string;
  /** For static_select: the chosen option. */
  selectedOption?: { text: string; value: string };
  /** Where the action happened: a message in a channel, or a view (modal/home). */
  message?: { channel: string; ts: string; text?: string; blocks?: unknown[] };
  view?: Json;
};

export function blockActionPayload(input: BlockActionInput): Json {
  const action: Json = {
    type: input.actionType ?? 'button',
    action_id: input.actionId,
    block_id: input.blockId ?? 'block',
    action_ts: `${Math.floor(Date.now() / 1000)}.000000`,
  };
  if (input.value !== undefined) action.value = input.value;
  if (input.selectedOption) {
    action.selected_option = {
      text: { type: 'plain_text', text: input.selectedOption.text },
      value: input.selectedOption.value,
    };
  }
  const payload: Json = {
    type: 'block_actions',
    user: { id: input.userId, username: input.userId.toLowerCase(), team_id: 'T0TEST' },
    actions: [action],
  };
  if (input.message) {
    const { channel, ts, text, blocks } = input.message;
    payload.container = { type: 'message', message_ts: ts, channel_id: channel, is_ephemeral: false };
    payload.channel = { id: channel, name: channel };
    payload.message = { type: 'message', ts, text: text ?? '', blocks: blocks ?? [] };
  }
  if (input.view) {
    payload.container = { type: 'view', view_id: input.view.id };
    payload.view = input.view;
  }
  return payload;
}

export type ViewSubmissionInput = {
  userId: string;
  callbackId: string;
  /** state.values: block_id -> action_id -> element state, e.g. { type: 'plain_text_input', value: 'x' }. */
  values?: Record<string, Record<string, Json>>;
  privateMetadata?: string;
  viewId?: string;
  hash?: string;
  /** The blocks the modal was opened with, if handlers read them back. */
  blocks?: unknown[];
};

export function viewSubmissionPayload(input: ViewSubmissionInput): Json {
  return {
    type: 'view_submission',
    user: { id: input.userId, username: input.userId.toLowerCase(), team_id: 'T0TEST' },
    view: {
      id: input.viewId ?? 'V00000001',
      type: 'modal',
      callback_id: input.callbackId,
      private_metadata: input.privateMetadata ?? '',
      hash: input.hash ?? '1.abc',
      blocks: input.blocks ?? [],
      state: { values: input.values ?? {} },
    },
    response_urls: [],
  };
}

export function viewClosedPayload(input: { userId: string; callbackId: string; privateMetadata?: string }): Json {
  return {
    type: 'view_closed',
    user: { id: input.userId, team_id: 'T0TEST' },
    view: {
      id: 'V00000001',
      type: 'modal',
      callback_id: input.callbackId,
      private_metadata: input.privateMetadata ?? '',
    },
    is_cleared: false,
  };
}
