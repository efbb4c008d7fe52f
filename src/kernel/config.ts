import { z } from 'zod';
import { parseSlackUserId, type SlackUserId } from './slack/slack-user-id.js';

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time like 09:00');
const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v === '' ? undefined : v));
const count = (fallback: number, min = 0) => z.coerce.number().int().min(min).default(fallback);

const schema = z.object({
  SLACK_BOT_TOKEN: z
    .string({ error: 'is required (the bot token, xoxb-…)' })
    .regex(/^xoxb-\S+$/, 'must be a bot token that starts with xoxb-'),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText.pipe(
    z
      .string()
      .regex(/^xapp-\S+$/, 'must be an app-level token that starts with xapp-')
      .optional(),
  ),
  SLACK_API_URL: optionalText.pipe(z.url({ error: 'must be a URL such as https://slack.com/api/' }).optional()),
  // Unset: every interface, as before. The demo sets 127.0.0.1.
  HOST: optionalText,
  PORT: z.coerce.number({ error: 'must be a port number' }).int().min(0).max(65535).default(3000),
  DATABASE_URL: optionalText,
  TZ_PLAN: z.string().default('Europe/Oslo').refine(isTimeZone, 'must be an IANA time zone such as Europe/Oslo'),
  COORDINATOR_CHANNEL: optionalText,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PLAN_FILE: z.string().default('plans/handlingsplan-2003-2005.yaml'),
  EDIT_WINDOW_DAYS: count(7, 0),
  JOBS_ENABLED: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  REMINDER_TIME: clockTime.default('09:00'),
  REMINDER_DUE_SOON_DAYS: count(2),
  ESCALATE_TEAM_LEAD_DAYS: count(3, 1),
  ESCALATE_COORDINATOR_DAYS: count(7, 1),
  // Reminders: step 2 waits this many working days after the due day; the
  // coordinators' weekly overdue summary goes out on this ISO weekday (1 = Monday).
  REMINDER_OVERDUE_DAYS: count(1, 1),
  ESCALATE_SUMMARY_WEEKDAY: z.coerce.number().int().min(1).max(5).default(1),
  // Made admins at every start; the only way to name the first one (nobody becomes admin by being first).
  TILTAK_ADMINS: z
    .string()
    .default('')
    .transform((text, ctx): SlackUserId[] => {
      const given = text
        .split(',')
        .map((id) => id.trim())
        .filter((id) => id !== '');
      const bad = given.filter((id) => parseSlackUserId(id) === null);
      if (bad.length > 0)
        ctx.addIssue({
          code: 'custom',
          message: `must be Slack member IDs like U0123ABCD, separated by commas; not ${bad.map((b) => JSON.stringify(b)).join(', ')}`,
        });
      return [...new Set(given.flatMap((id) => parseSlackUserId(id) ?? []))];
    }),
});

export type Config = z.infer<typeof schema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads every variable once, reporting all problems together; nothing else reads process.env. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const result = schema.safeParse(env);
  const problems = result.success
    ? []
    : result.error.issues.map((issue) => `${issue.path.join('.') || 'environment'} ${issue.message}`);
  // Checked apart from the schema so that it is reported alongside the others.
  if (!env.SLACK_APP_TOKEN?.trim() && !env.SLACK_SIGNING_SECRET?.trim()) {
    problems.push('SLACK_SIGNING_SECRET is required in HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)');
  }
  if (problems.length > 0 || !result.success) throw new ConfigError(problems);
  return result.data;
}

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
