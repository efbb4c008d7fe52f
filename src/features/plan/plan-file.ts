import { z } from 'zod';
import { dayOf } from '../../kernel/calendar/calendar.js';
import { slackUserIdSchema as slackUserId } from '../../kernel/slack/slack-user-id.js';
import { hasVisibleCharacter, normaliseTypedText } from '../../kernel/text/typed-text.js';
import { INT_COLUMN_MAX } from '../../kernel/text/whole-number.js';
import { MAX_MEASURE_NUMBER } from './measures.js';

/**
 * The plan file is the user-facing contract (README, "The plan file"): keys
 * are snake_case as a coordinator writes them, and every error names its path.
 */
const isoDate = z.union([z.iso.date({ error: 'must be a date like 2004-06-30' }), z.date().transform(dayOf)]);
const channelId = z
  .string()
  .regex(/^[CGD][A-Z0-9]{2,}$|^#[a-z0-9æøå_-]{1,80}$/, 'must be a channel ID (C0123ABCD) or #name');
const agencyCode = z.string().regex(/^[A-ZÆØÅ0-9_-]{1,20}$/, 'must be an agency code of capitals, e.g. JD');
const weekday = z.number().int().min(1, 'must be 1 (Monday) to 7 (Sunday)').max(7, 'must be 1 (Monday) to 7 (Sunday)');
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time like 08:00');
// Free text is normalised like anything typed in Slack, so a NUL or a bidi override cannot come in by import either.
const text = (max: number) =>
  z
    .string()
    .transform(normaliseTypedText)
    .pipe(z.string().max(max, `must be at most ${max} characters`));
const title = (max: number) => text(max).refine(hasVisibleCharacter, 'must not be empty');
// Numbers people will type: one the column cannot hold would fail the import in the database, and a
// measure number above what /tiltak reads could never be looked up.
const number = (max: number) => z.number().int().positive().max(max, `must be at most ${max}`);
const areaNumber = number(INT_COLUMN_MAX);
const measureNumber = number(MAX_MEASURE_NUMBER);

export const planFileSchema = z.strictObject({
  plan: z.strictObject({
    title_nb: title(300),
    title_en: title(300),
    start: isoDate,
    end: isoDate,
    budget_nok: z.number().int().nonnegative().optional(),
    default_cadence_days: z.number().int().min(1).max(366).optional(),
    digest_weekday: weekday.optional(),
    digest_time: clockTime.optional(),
  }),
  focus_areas: z.array(
    z.strictObject({
      number: areaNumber,
      title_nb: title(300),
      title_en: title(300),
      channel: channelId.optional(),
      digest_weekday: weekday.optional(),
      digest_time: clockTime.optional(),
    }),
  ),
  agencies: z.array(
    z.strictObject({
      code: agencyCode,
      name_nb: title(200),
      name_en: title(200),
      kind: z.enum(['ministry', 'directorate', 'municipal', 'organisation', 'other']),
      team_lead: slackUserId.optional(),
    }),
  ),
  people: z
    .array(
      z
        .strictObject({
          // A person is named by Slack member ID, or by e-mail address for the import to look up in Slack.
          slack_id: slackUserId.optional(),
          email: z.email({ error: 'must be an e-mail address' }).max(254).optional(),
          name: title(120),
          agency: agencyCode.optional(),
          role: z.enum(['contact', 'team_lead', 'coordinator', 'admin']),
          language: z.enum(['nb', 'en']).default('nb'),
          active: z.boolean().default(true),
        })
        .refine((p) => (p.slack_id === undefined) !== (p.email === undefined), {
          error: 'needs slack_id or email, one of them',
        }),
    )
    .default([]),
  measures: z.array(
    z.strictObject({
      number: measureNumber,
      focus_area: areaNumber.optional(),
      title_nb: title(500),
      title_en: title(500),
      description: text(3000).optional(),
      lead: agencyCode.optional(),
      partners: z.array(agencyCode).default([]),
      cadence_days: z.number().int().min(1).max(366).optional(),
      deadline: isoDate.optional(),
    }),
  ),
});

export type PlanFile = z.output<typeof planFileSchema>;
type FilePerson = PlanFile['people'][number];
/** A plan file whose people all have their Slack member ID: what the import writes. */
export type ResolvedPlanFile = Omit<PlanFile, 'people'> & {
  people: (Omit<FilePerson, 'slack_id' | 'email'> & { slack_id: NonNullable<FilePerson['slack_id']> })[];
};
export type PlanFileInput = z.input<typeof planFileSchema>;

/** `measures[4].partners[1]` from zod's path array. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`))
    .join('');
}
