// Every surface of the app, each sent as no one: the lists come from the
// code (commands/, ids.ts, manifest.yml), so a new command, action, view or
// event is in the matrix without anyone adding it here.

import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { commandModules } from '../../commands/index.js';
import { encodeReminderButton } from '../../src/features/reminders/contract.js';
import { knownActionIds, viewCallbackIds } from '../../src/slack-ids.js';
import { ids } from '../support/slack-ids.js';

export { viewCallbackIds };

import { encodeMetadata, encodeOpen, encodePage } from '../../src/features/updates/contract.js';
import { formValues, goodForm } from '../e2e/updates-support.js';
import type { Json } from '../rig/block-kit-checker.js';
import { blockActionPayload, viewClosedPayload, viewSubmissionPayload } from '../rig/payloads.js';
import type { CommandFields } from '../rig/wire.js';

/** Row ids of the fixture plan that forged requests point at, so that each would act if it were let through. */
export interface PlanFacts {
  measure1: number;
  measure3: number;
  jd: number;
  bfd: number;
}

export type ForgedBody =
  | { kind: 'command'; fields: CommandFields }
  | { kind: 'interactive'; payload: Json }
  | { kind: 'event'; event: Json };

/** One row of the matrix: named when the tests are collected, built once the plan is in the database. */
export interface ForgedRequest {
  label: string;
  build(plan: PlanFacts): ForgedBody;
}

/** The user someone would pretend to be: a real id, so a check that looked only at the shape would fail. */
const SOMEONE = 'U0KOORD1';

const COMMAND_FORMS: Record<string, string | undefined> = {
  'no user_id': undefined,
  "user_id ''": '',
  "user_id 'u0koord1'": SOMEONE.toLowerCase(),
  "user_id 'C0KOORD1'": `C${SOMEONE.slice(1)}`,
};

const withUser = (payload: Json, user: unknown): Json => {
  const copy: Json = { ...payload };
  if (user === undefined) delete copy.user;
  else copy.user = user;
  return copy;
};

const INTERACTIVE_FORMS: Record<string, unknown> = {
  'no user': undefined,
  'user: {}': {},
  "user: { id: 'not-a-user' }": { id: 'not-a-user', team_id: 'T0TEST' },
};

const EVENT_FORMS: Record<string, unknown> = {
  'no user': undefined,
  "user ''": '',
  "user 'not-a-user'": 'not-a-user',
};

/** Arguments that make a sub-command do its work (post, write, upload) for a coordinator; any other takes none. */
const COMMAND_ARGS: Record<string, string> = {
  number: '1',
  update: '1',
  history: '1',
  language: 'en',
  absence: '2004-03-10 2004-03-12',
  round: '2004-03-20',
  'digest-preview': '1',
  'digest-send': '1',
  'report-export': 'format csv',
};

/** Every sub-command of every slash command, as the text that reaches it. */
export function commandTexts(): { command: string; key: string; text: string }[] {
  return commandModules.flatMap((module) =>
    module.subcommands().map((s) => ({
      command: module.definition.command,
      key: s.key,
      text: [s.names[0] ?? '', COMMAND_ARGS[s.key] ?? ''].join(' ').trim(),
    })),
  );
}

export async function botEvents(): Promise<string[]> {
  const manifest = parse(await readFile(new URL('../../manifest.yml', import.meta.url), 'utf8')) as {
    settings: { event_subscriptions: { bot_events: string[] } };
  };
  return manifest.settings.event_subscriptions.bot_events;
}

/** A click on each action id, carrying a value its listener would act on. */
function actionPayload(actionId: string, plan: PlanFacts): Json {
  const reminder = encodeReminderButton({
    measureId: plan.measure1,
    agencyId: plan.jd,
    measureNumber: 1,
    period: 'd2004-03-01',
  });
  const updateForm = {
    id: 'V0FORGED1',
    type: 'modal',
    callback_id: ids.views.updateModal,
    hash: '1.forged',
    private_metadata: encodeMetadata({ s: randomUUID(), b: 0, m: plan.measure1, a: plan.jd, src: 'command' }),
  };
  const message = { channel: 'D0TEST', ts: '1.000001' };
  const a = ids.actions;
  const values: Record<string, Parameters<typeof blockActionPayload>[0]> = {
    [a.updates.open]: { userId: SOMEONE, actionId, value: encodeOpen({ m: 1 }), message },
    [a.updates.edit]: { userId: SOMEONE, actionId, value: randomUUID(), message },
    [a.updates.pagePrev]: { userId: SOMEONE, actionId, value: encodePage({ k: 'mine', p: 0 }), message },
    [a.updates.pageNext]: { userId: SOMEONE, actionId, value: encodePage({ k: 'list', p: 0 }), message },
    [a.updates.pickMeasure]: {
      userId: SOMEONE,
      actionId,
      actionType: 'static_select',
      selectedOption: { text: '3', value: String(plan.measure3) },
      view: updateForm,
    },
    [a.updates.pickAgency]: {
      userId: SOMEONE,
      actionId,
      actionType: 'static_select',
      selectedOption: { text: 'BFD', value: String(plan.bfd) },
      view: updateForm,
    },
    [a.digestReadUpdate]: { userId: SOMEONE, actionId, value: '1', message },
    [a.reminders.updateNow]: { userId: SOMEONE, actionId, value: reminder, message },
    [a.reminders.snooze]: { userId: SOMEONE, actionId, value: reminder, message },
    [a.reminders.waive]: { userId: SOMEONE, actionId, value: reminder, message },
  };
  return blockActionPayload(values[actionId] ?? { userId: SOMEONE, actionId, value: '1', message });
}

/** A submission of each view, filled in as its listener would store it. */
function submissionPayload(callbackId: string, plan: PlanFacts): Json {
  if (callbackId === ids.views.updateModal) {
    const privateMetadata = encodeMetadata({ s: randomUUID(), b: 0, m: plan.measure3, a: plan.bfd, src: 'command' });
    return viewSubmissionPayload({ userId: SOMEONE, callbackId, privateMetadata, values: formValues(goodForm) });
  }
  if (callbackId === ids.views.reminderWaiver) {
    const privateMetadata = encodeReminderButton({
      measureId: plan.measure1,
      agencyId: plan.jd,
      measureNumber: 1,
      period: 'd2004-03-01',
    });
    const values = {
      [ids.blocks.reminders.reason]: {
        [ids.actions.reminders.reason]: { type: 'plain_text_input', value: 'Ingen aktivitet.' },
      },
    };
    return viewSubmissionPayload({ userId: SOMEONE, callbackId, privateMetadata, values });
  }
  return viewSubmissionPayload({ userId: SOMEONE, callbackId });
}

/** The whole matrix: every command's sub-commands, action ids, view callbacks (submitted and closed) and bot events, each in every forged form. */
export async function forgedRequests(): Promise<ForgedRequest[]> {
  const commands = commandTexts().flatMap(({ command, text }) =>
    Object.entries(COMMAND_FORMS).map(
      ([form, userId]): ForgedRequest => ({
        label: `${command} ${text} with ${form}`.replace(/\s+/gu, ' '),
        build: () => ({
          kind: 'command',
          fields: { command, text, ...(userId === undefined ? {} : { user_id: userId }) },
        }),
      }),
    ),
  );
  const interactive = (label: string, payload: (plan: PlanFacts) => Json) =>
    Object.entries(INTERACTIVE_FORMS).map(
      ([form, user]): ForgedRequest => ({
        label: `${label} with ${form}`,
        build: (plan) => ({ kind: 'interactive', payload: withUser(payload(plan), user) }),
      }),
    );
  const actions = knownActionIds().flatMap((id) => interactive(`action ${id}`, (plan) => actionPayload(id, plan)));
  const views = viewCallbackIds().flatMap((id) => [
    ...interactive(`view_submission ${id}`, (plan) => submissionPayload(id, plan)),
    ...interactive(`view_closed ${id}`, () => viewClosedPayload({ userId: SOMEONE, callbackId: id })),
  ]);
  const events = (await botEvents()).flatMap((type) =>
    Object.entries(EVENT_FORMS).map(
      ([form, user]): ForgedRequest => ({
        label: `event ${type} with ${form}`,
        build: () => ({
          kind: 'event',
          event: { type, tab: 'home', channel: 'D0TEST', ...(user === undefined ? {} : { user }) },
        }),
      }),
    ),
  );
  return [...commands, ...actions, ...views, ...events];
}
