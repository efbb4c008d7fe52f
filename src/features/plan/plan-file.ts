import { z } from 'zod';
import { slackUserIdSchema as slackUserId } from '../../kernel/slack/slack-user-id.js';

/**
 * The plan file is the user-facing contract (README, "The plan file"): keys
 * are snake_case as a coordinator writes them, and every error names its path.
 */
const isoDate = z.union([
  z.iso.date({ error: 'must be a date like 2004-06-30' }),
  z.date().transform((d) => d.toISOString().slice(0, 10)),
]);
const channelId = z
  .string()
  .regex(/^[CGD][A-Z0-9]{2,}$|^#[a-z0-9æøå_-]{1,80}$/, 'must be a channel ID (C0123ABCD) or #name');
const agencyCode = z.string().regex(/^[A-ZÆØÅ0-9_-]{1,20}$/, 'must be an agency code of capitals, e.g. JD');
const weekday = z.number().int().min(1, 'must be 1 (Monday) to 7 (Sunday)').max(7, 'must be 1 (Monday) to 7 (Sunday)');
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time like 08:00');
const title = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

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
      number: z.number().int().positive(),
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
      z.strictObject({
        slack_id: slackUserId,
        name: title(120),
        agency: agencyCode.optional(),
        role: z.enum(['contact', 'team_lead', 'coordinator', 'admin']),
        language: z.enum(['nb', 'en']).default('nb'),
        active: z.boolean().default(true),
      }),
    )
    .default([]),
  measures: z.array(
    z.strictObject({
      number: z.number().int().positive(),
      focus_area: z.number().int().positive().optional(),
      title_nb: title(500),
      title_en: title(500),
      description: z.string().max(3000, 'must be at most 3000 characters').optional(),
      lead: agencyCode.optional(),
      partners: z.array(agencyCode).default([]),
      cadence_days: z.number().int().min(1).max(366).optional(),
      deadline: isoDate.optional(),
    }),
  ),
});

export type PlanFile = z.output<typeof planFileSchema>;
export type PlanFileInput = z.input<typeof planFileSchema>;

/** `measures[4].partners[1]` from zod's path array. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`))
    .join('');
}
