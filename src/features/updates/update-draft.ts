import { z } from 'zod';
import type { LocalDay } from '../../kernel/calendar/calendar.js';
import { needsChallenges, STATUSES, type Status } from '../../kernel/status.js';
import { findPersonalData } from '../../kernel/text/personal-data.js';
import { hasVisibleCharacter } from '../../kernel/text/typed-text.js';
import { readWholeNumber } from '../../kernel/text/whole-number.js';

/** Slack's plain_text_input allows at most 3000 characters; the form says so in its hints. */
export const TEXT_LIMIT = 3000;
/** A trillion kroner: above any plausible spend, and well inside BigInt and the database. */
const SPEND_LIMIT = 1_000_000_000_000n;

/** The form's values as strings, typed text normalised (normaliseTypedText) and otherwise unchecked. */
export interface RawDraft {
  status?: string | undefined;
  progress?: string | undefined;
  done?: string | undefined;
  challenges?: string | undefined;
  nextSteps?: string | undefined;
  spend?: string | undefined;
  periodDate?: string | undefined;
}

export interface UpdateDraft {
  status: Status;
  progress: number | null;
  done: string;
  challenges: string | null;
  nextSteps: string | null;
  spendNok: bigint | null;
  periodDate: LocalDay;
}

export type DraftField = keyof RawDraft;
export type DraftError =
  | 'required'
  | 'invalid'
  | 'too_long'
  | 'required_for_status'
  | 'negative'
  | 'too_large'
  | 'before_plan'
  | 'after_latest'
  | 'identity_number';

/** The days a report may cover: from the plan's start to today (or the plan's end, if earlier). */
export interface PeriodBounds {
  earliest: LocalDay;
  latest: LocalDay;
}

export type DraftResult =
  | { ok: true; draft: UpdateDraft }
  | { ok: false; errors: Partial<Record<DraftField, DraftError>> };

const optionalText = z.string().max(TEXT_LIMIT, { error: 'too_long' }).nullable();
const day = z.iso.date({ error: 'invalid' });

/** Every field is checked, so the user sees all their mistakes at once. */
export function validateDraft(raw: RawDraft, bounds: PeriodBounds): DraftResult {
  const errors: Partial<Record<DraftField, DraftError>> = {};
  const fail = (field: DraftField, error: DraftError) => {
    errors[field] = error;
  };

  const status = blankToNull(raw.status);
  const knownStatus = status !== null && STATUSES.includes(status as Status) ? (status as Status) : null;
  if (knownStatus === null) fail('status', status === null ? 'required' : 'invalid');

  const progressText = blankToNull(raw.progress);
  const progress = progressText === null ? null : readWholeNumber(progressText, { max: 100 });
  if (progress !== null && !progress.ok) fail('progress', 'invalid');

  const done = blankToNull(raw.done);
  if (done === null) fail('done', 'required');
  else if (done.length > TEXT_LIMIT) fail('done', 'too_long');

  const challenges = blankToNull(raw.challenges);
  if (!optionalText.safeParse(challenges).success) fail('challenges', 'too_long');
  else if (challenges === null && knownStatus !== null && needsChallenges(knownStatus))
    fail('challenges', 'required_for_status');

  const nextSteps = blankToNull(raw.nextSteps);
  if (!optionalText.safeParse(nextSteps).success) fail('nextSteps', 'too_long');

  // An identity number is refused outright (an e-mail or phone number is only a warning, see the listener).
  for (const [field, text] of [
    ['done', done],
    ['challenges', challenges],
    ['nextSteps', nextSteps],
  ] as const) {
    if (
      errors[field] === undefined &&
      text !== null &&
      findPersonalData(text).some((f) => f.kind === 'identity_number')
    )
      fail(field, 'identity_number');
  }

  const spend = parseSpend(raw.spend);
  if (typeof spend === 'string') fail('spend', spend);

  const period = blankToNull(raw.periodDate);
  if (period === null) fail('periodDate', 'required');
  else if (!day.safeParse(period).success) fail('periodDate', 'invalid');
  else if (period < bounds.earliest) fail('periodDate', 'before_plan');
  else if (period > bounds.latest) fail('periodDate', 'after_latest');

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    draft: {
      status: knownStatus as Status,
      progress: progress?.ok ? progress.value : null,
      done: done as string,
      challenges,
      nextSteps,
      spendNok: spend as bigint | null,
      periodDate: period as LocalDay,
    },
  };
}

/** A field with nothing visible in it is not filled in: spaces and a zero-width space do not make a report. */
function blankToNull(value: string | undefined): string | null {
  return value !== undefined && hasVisibleCharacter(value) ? value.trim() : null;
}

/**
 * Whole kroner as people write them: "12 500", "12.500", "12 500 kr", "12 500,-".
 * Decimals are refused rather than silently rounded.
 */
function parseSpend(value: string | undefined): bigint | null | DraftError {
  const text = blankToNull(value);
  if (text === null) return null;
  const cleaned = text
    .replace(/[\s\u00a0\u202f]/gu, '')
    .replace(/(kr\.?|nok)$/iu, '')
    .replace(/,-$/u, '');
  if (/^-\d/u.test(cleaned)) return 'negative';
  if (!/^\d+$|^\d{1,3}(\.\d{3})+$/u.test(cleaned)) return 'invalid';
  const digits = cleaned.replace(/\./gu, '');
  if (digits.length > 16) return 'too_large';
  const amount = BigInt(digits);
  return amount > SPEND_LIMIT ? 'too_large' : amount;
}
