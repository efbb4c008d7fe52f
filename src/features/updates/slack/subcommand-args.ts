import type { Messages } from '../../../kernel/i18n/index.js';
import { quote } from '../../../kernel/text/format.js';
import { readWholeNumber } from '../../../kernel/text/whole-number.js';
import { MAX_MEASURE_NUMBER } from '../../plan/index.js';

export type Parsed<T> = { ok: true; value: T } | { ok: false; text: string };

export function withUsage(m: Messages, problem: string, usage: string): string {
  return `${problem} ${m.common.usage(usage)}`;
}

/** A measure number as read, with the word it was typed as: answers echo the word, never the number. */
export interface MeasureNumberArg {
  number: number;
  typed: string;
}

/**
 * `<nr>` as the only argument: digits, optionally after '#'. A number no
 * measure can have is answered as not found here, before any query.
 */
export function measureNumberArg(m: Messages, args: readonly string[], usage: string): Parsed<MeasureNumberArg> {
  const [word, ...rest] = args;
  if (word === undefined) return { ok: false, text: withUsage(m, m.tiltak.missingNumber, usage) };
  const read = readWholeNumber(word.replace(/^#/u, ''), { min: 1, max: MAX_MEASURE_NUMBER });
  if (!read.ok && read.reason === 'not_a_number')
    return { ok: false, text: withUsage(m, m.tiltak.notANumber(quote(word)), usage) };
  if (rest.length > 0) return { ok: false, text: withUsage(m, m.tiltak.unexpectedWords(quote(rest.join(' '))), usage) };
  if (!read.ok) return { ok: false, text: noSuchMeasure(m, word, usage) };
  return { ok: true, value: { number: read.value, typed: word } };
}

/** `typed` is the user's own word, quoted back as it was. */
export function noSuchMeasure(m: Messages, typed: string, usage: string): string {
  return withUsage(m, m.tiltak.noSuchMeasure(quote(typed)), usage);
}
