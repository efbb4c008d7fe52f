// Helpers for the updates area's end-to-end tests: find the modal the bot
// opened, and submit it the way Slack does.
import { vi } from 'vitest';
import { ids } from '../../src/features/updates/contract.js';
import type { Json } from '../rig/block-kit-checker.js';
import { blockActionPayload, viewSubmissionPayload } from '../rig/payloads.js';
import type { Harness } from '../support/harness.js';

export interface FormInput {
  status?: string;
  progress?: string;
  done?: string;
  challenges?: string;
  nextSteps?: string;
  spend?: string;
  periodDate?: string;
  measureId?: string;
  agencyId?: string;
}

const b = ids.blocks.updates;
const input = ids.actions.updates.input;

/** state.values as Slack sends them for the update modal. */
export function formValues(form: FormInput): Record<string, Record<string, Json>> {
  const text = (value: string | undefined) => ({ type: 'plain_text_input', value: value ?? null });
  const values: Record<string, Record<string, Json>> = {
    [b.status]: {
      [input]: {
        type: 'static_select',
        selected_option:
          form.status === undefined ? null : { value: form.status, text: { type: 'plain_text', text: form.status } },
      },
    },
    [b.progress]: { [input]: { type: 'number_input', value: form.progress ?? null } },
    [b.done]: { [input]: text(form.done) },
    [b.challenges]: { [input]: text(form.challenges) },
    [b.nextSteps]: { [input]: text(form.nextSteps) },
    [b.spend]: { [input]: text(form.spend) },
    [b.periodDate]: { [input]: { type: 'datepicker', selected_date: form.periodDate ?? null } },
  };
  if (form.measureId !== undefined)
    values[b.measure] = {
      [ids.actions.updates.pickMeasure]: { type: 'static_select', selected_option: { value: form.measureId } },
    };
  if (form.agencyId !== undefined)
    values[b.agency] = {
      [ids.actions.updates.pickAgency]: { type: 'static_select', selected_option: { value: form.agencyId } },
    };
  return values;
}

/** The update modal as the fake holds it, once the bot has swapped the loading notice for it. */
export async function openModal(h: Harness, callbackId: string = ids.views.updateModal): Promise<Json> {
  return h.fake.waitFor(() =>
    [...h.fake.state.views.values()].map((v) => v.view).find((v) => v.callback_id === callbackId),
  );
}

const HIDDEN = new Set([
  'type',
  'value',
  'action_id',
  'block_id',
  'callback_id',
  'private_metadata',
  'response_type',
  'id',
  'hash',
]);

/** Every text in a Block Kit structure, joined: for asserting what a user reads. */
export function allText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(allText).join('\n');
  if (value !== null && typeof value === 'object') {
    return Object.entries(value)
      .filter(([k]) => !HIDDEN.has(k))
      .map(([, v]) => allText(v))
      .join('\n');
  }
  return '';
}

/** The value of the first element with this action_id anywhere in a Block Kit structure. */
export function actionValue(value: unknown, actionId: string): string | undefined {
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = actionValue(item, actionId);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (value === null || typeof value !== 'object') return undefined;
  const el = value as Json;
  if (el.action_id === actionId && typeof el.value === 'string') return el.value;
  return actionValue(Object.values(el), actionId);
}

export async function submit(h: Harness, userId: string, view: Json, form: FormInput, privateMetadata?: string) {
  const meta = privateMetadata ?? (typeof view.private_metadata === 'string' ? view.private_metadata : '');
  return h.interact(
    viewSubmissionPayload({
      userId,
      callbackId: ids.views.updateModal,
      privateMetadata: meta,
      values: formValues(form),
      ...(typeof view.id === 'string' ? { viewId: view.id } : {}),
    }),
  );
}

export const goodForm: FormInput = {
  status: 'ON_TRACK',
  progress: '40',
  done: 'Kartla behovet i kommunene',
  nextSteps: 'Sende på høring',
  spend: '12 500',
  periodDate: '2004-02-27',
};

/** The last command reply's blocks and text. */
export async function reply(h: Harness, count: number): Promise<{ text: string; body: Json }> {
  const post = await h.fake.waitFor(() => h.fake.responses[count - 1]);
  const body = post.body as Json;
  return { text: allText(body), body };
}

export function clickButton(h: Harness, userId: string, actionId: string, value: string, where: { view?: Json } = {}) {
  return h.interact(
    blockActionPayload({
      userId,
      actionId,
      value,
      ...(where.view ? { view: where.view } : { message: { channel: 'D0TEST', ts: '1.000001' } }),
    }),
  );
}

/**
 * Runs a click and reports how many modals the bot had opened when it first
 * looked the user up: 1 means the trigger (3 s to live) was spent before any
 * database work; 0 means a slow database could cost the user the modal.
 */
export async function opensBeforeLookup<T>(
  h: Harness,
  act: () => Promise<T>,
): Promise<{ opens: number | undefined; result: T }> {
  const person = h.running.deps.prisma.person;
  const findFirst = person.findFirst.bind(person);
  const before = h.fake.callsTo('views.open').length;
  const seen: number[] = [];
  const spy = vi.spyOn(person, 'findFirst').mockImplementation(((args: Parameters<typeof findFirst>[0]) => {
    seen.push(h.fake.callsTo('views.open').length - before);
    return findFirst(args);
  }) as typeof person.findFirst);
  try {
    const result = await act();
    return { opens: seen[0], result };
  } finally {
    spy.mockRestore();
  }
}
