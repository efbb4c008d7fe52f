import { type Lang, messages } from '../i18n/index.js';
import { titleIn } from '../i18n/localized.js';
import { readWholeNumber } from './whole-number.js';

/** Either language's word for "area" works, whatever the user's language, and without the å. */
const AREA_WORDS = new Set([messages('nb').tiltak.areaWord, messages('en').tiltak.areaWord, 'omrade']);

/**
 * A focus area at the start of what was typed, the same in every command:
 * `område 2`, `area 2`, `omrade 2` or `2`.
 * - `none`: the words do not start with an area (they may be empty);
 * - `number`: an area number, which may not exist, and the words after it;
 * - `bad`: the area word with no number after it, or not a whole number.
 */
export type AreaArg =
  | { kind: 'none'; rest: string[] }
  | { kind: 'number'; number: number; given: string; rest: string[] }
  | { kind: 'bad'; given: string };

export function readAreaArg(words: readonly string[]): AreaArg {
  const [first, second] = words;
  if (first === undefined) return { kind: 'none', rest: [] };
  if (AREA_WORDS.has(first.toLowerCase())) {
    if (second === undefined) return { kind: 'bad', given: '' };
    const read = readWholeNumber(second, { min: 1 });
    return read.ok
      ? { kind: 'number', number: read.value, given: second, rest: words.slice(2) }
      : { kind: 'bad', given: second };
  }
  // A bare number is an area only where it is all digits: `2`, not `2.5` (a date) or `@x`.
  if (!/^\d+$/u.test(first)) return { kind: 'none', rest: [...words] };
  const read = readWholeNumber(first, { min: 1 });
  return read.ok
    ? { kind: 'number', number: read.value, given: first, rest: words.slice(1) }
    : { kind: 'bad', given: first };
}

/** The areas a user may choose among, for an answer to a wrong or missing one: "1 Forebygging, 2 Beskyttelse". */
export function areaChoices(
  lang: Lang,
  areas: readonly { number: number; titleNb: string; titleEn: string }[],
): string {
  return areas.map((a) => `${a.number} ${titleIn(lang, a)}`).join(', ') || '–';
}
