import { z } from 'zod';

/** The largest value of PostgreSQL's `integer`, the column behind every Prisma Int: Prisma throws above it. */
export const INT_COLUMN_MAX = 2_147_483_647;

export interface WholeNumberRange {
  /** Default 0. */
  min?: number;
  /** Default INT_COLUMN_MAX; at most Number.MAX_SAFE_INTEGER. */
  max?: number;
}

export type WholeNumberRead = { ok: true; value: number } | { ok: false; reason: 'not_a_number' | 'out_of_range' };

const DIGITS = /^[0-9]+$/;

/**
 * A whole number as typed or sent: a string of ASCII digits only (no sign,
 * space, decimal point or exponent), leading zeros allowed; a payload's
 * value of any other type is not a number. It is checked against
 * the range by its length first, so twenty nines are out of range rather
 * than rounded to 1e20, and only a number known to be exact is converted.
 */
export function readWholeNumber(text: unknown, range: WholeNumberRange = {}): WholeNumberRead {
  const { min = 0, max = INT_COLUMN_MAX } = range;
  if (typeof text !== 'string' || !DIGITS.test(text)) return { ok: false, reason: 'not_a_number' };
  const digits = text.replace(/^0+(?=[0-9])/, '');
  if (digits.length > String(max).length) return { ok: false, reason: 'out_of_range' };
  const value = Number(digits);
  return value < min || value > max ? { ok: false, reason: 'out_of_range' } : { ok: true, value };
}

/** A number read back from JSON we wrote (a button value, private_metadata): a safe integer in range. */
export function wholeNumberSchema(range: WholeNumberRange = {}) {
  return z
    .number()
    .int()
    .min(range.min ?? 0)
    .max(range.max ?? INT_COLUMN_MAX);
}

/** A database id in JSON: a positive integer that fits the column. */
export const idSchema = wholeNumberSchema({ min: 1 });
