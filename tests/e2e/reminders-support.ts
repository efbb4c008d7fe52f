// Helpers for the reminders area's end-to-end tests: run the job at an
// instant, read the DMs the fake holds, click their buttons.
import { runReminders } from '../../src/features/reminders/jobs/reminders.js';
import type { Json } from '../rig/block-kit-checker.js';
import { blockActionPayload } from '../rig/payloads.js';
import type { StoredMessage } from '../rig/slack-state.js';
import type { Harness } from '../support/harness.js';

/** Runs the reminders job as the scheduler would at `iso` (also setting the bot's clock there). */
export async function tick(h: Harness, iso: string): Promise<string[]> {
  const at = new Date(iso);
  h.clock.set(at);
  const report = await runReminders({ deps: h.running.deps, slack: h.running.slack, at, dryRun: false });
  return report.lines;
}

export function dms(h: Harness, user: string): StoredMessage[] {
  return h.fake.messages(`D${user}`);
}

export function ledgerKeyOf(message: StoredMessage): string | undefined {
  const metadata = message.metadata as { event_payload?: { ledger_key?: string } } | undefined;
  return metadata?.event_payload?.ledger_key;
}

/** Every bot DM in the fake, as "recipient key", in the order sent. */
export function allDms(h: Harness): string[] {
  return h.fake.state
    .allMessages()
    .filter((m) => m.channel.startsWith('D'))
    .map((m) => `${m.channel.slice(1)} ${ledgerKeyOf(m) ?? '-'}`);
}

export function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(textOf).join('\n');
  if (value !== null && typeof value === 'object') {
    return Object.entries(value)
      .filter(([k]) => !['value', 'action_id', 'block_id', 'type'].includes(k))
      .map(([, v]) => textOf(v))
      .join('\n');
  }
  return '';
}

/** The value of the button with this action_id in a message. */
export function buttonValue(message: StoredMessage, actionId: string): string {
  const blocks = (message.blocks ?? []) as Array<{
    elements?: Array<{ action_id?: string; value?: string }>;
    accessory?: { action_id?: string; value?: string };
  }>;
  for (const block of blocks) {
    for (const el of [...(block.elements ?? []), ...(block.accessory ? [block.accessory] : [])]) {
      if (el.action_id === actionId && el.value !== undefined) return el.value;
    }
  }
  throw new Error(`no ${actionId} button in ${message.ts}`);
}

/** Clicks a button on a DM as Slack sends it. */
export async function click(
  h: Harness,
  user: string,
  message: StoredMessage,
  actionId: string,
  value?: string,
): Promise<void> {
  const payload: Json = blockActionPayload({
    userId: user,
    actionId,
    value: value ?? buttonValue(message, actionId),
    message: { channel: message.channel, ts: message.ts },
  });
  const res = await h.interact(payload);
  if (res.status !== 200) throw new Error(`interaction answered ${res.status}`);
}

export function lastResponseText(h: Harness): string {
  const body = h.fake.responses.at(-1)?.body as { text?: unknown } | undefined;
  return typeof body?.text === 'string' ? body.text : '';
}
