import type { Messages } from '../../../kernel/i18n/index.js';
import { clip, escapeMrkdwn } from '../../../kernel/text/format.js';

export type Parsed<T> = { ok: true; value: T } | { ok: false; text: string };

/** A word the user typed, safe to quote back. */
export function quote(word: string): string {
  return escapeMrkdwn(clip(word, 40));
}

export function withUsage(m: Messages, problem: string, usage: string): string {
  return `${problem} ${m.common.usage(usage)}`;
}

/** `<nr>` as the only argument: digits, optionally after '#'. */
export function measureNumberArg(m: Messages, args: readonly string[], usage: string): Parsed<number> {
  const [word, ...rest] = args;
  if (word === undefined) return { ok: false, text: withUsage(m, m.tiltak.missingNumber, usage) };
  const digits = word.replace(/^#/u, '');
  if (!/^\d+$/u.test(digits)) return { ok: false, text: withUsage(m, m.tiltak.notANumber(quote(word)), usage) };
  if (rest.length > 0) return { ok: false, text: withUsage(m, m.tiltak.unexpectedWords(quote(rest.join(' '))), usage) };
  return { ok: true, value: Number(digits) };
}

export function noSuchMeasure(m: Messages, number: number | string, usage: string): string {
  return withUsage(m, m.tiltak.noSuchMeasure(quote(String(number))), usage);
}
