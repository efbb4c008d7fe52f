import { z } from 'zod';
import { decodeJson } from '../../kernel/slack/decode-json.js';
import { idSchema } from '../../kernel/text/whole-number.js';

/** Every Slack id of the reminders feature: the buttons on every reminder DM, and the waiver modal. */
export const ids = {
  views: {
    // "Ikke aktuelt denne perioden" asks for a reason.
    reminderWaiver: 'reminder_waiver',
  },
  actions: {
    // `reason` is the waiver modal's input.
    reminders: {
      updateNow: 'reminder_update_now',
      snooze: 'reminder_snooze',
      waive: 'reminder_waive',
      reason: 'reminder_waiver_reason',
    },
  },
  blocks: {
    reminders: {
      buttons: 'reminder_buttons',
      reason: 'reminder_waiver_reason',
    },
  },
} as const;

/** What a reminder button carries: the pair, the measure's number and the period it was about. */
export interface ReminderButton {
  measureId: number;
  agencyId: number;
  measureNumber: number;
  period: string;
}

const schema = z.object({
  m: idSchema,
  a: idSchema,
  n: idSchema,
  p: z.string().regex(/^(d\d{4}-\d{2}-\d{2}|r\d+)(~z\d+)?$/u),
});

export function encodeReminderButton(b: ReminderButton): string {
  return JSON.stringify({ m: b.measureId, a: b.agencyId, n: b.measureNumber, p: b.period });
}

/** The snooze's repeat of a step lives in a period of its own, so its key is new. */
export const repeatPeriod = (period: string, snoozeId: number): string => `${period}~z${snoozeId}`;
export const basePeriod = (period: string): string => period.split('~')[0] ?? period;

/** Button values and private_metadata come back from the client: never trusted, always parsed. */
export function decodeReminderButton(raw: unknown): ReminderButton | null {
  const value = decodeJson(schema, raw, 200);
  return value === null ? null : { measureId: value.m, agencyId: value.a, measureNumber: value.n, period: value.p };
}
