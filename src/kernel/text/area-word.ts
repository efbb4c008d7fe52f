import { type Lang, messages } from '../i18n/index.js';
import { titleIn } from '../i18n/localized.js';

/** Either language's word for "area" works, whatever the user's language, and without the å. */
const AREA_WORDS = new Set([messages('nb').tiltak.areaWord, messages('en').tiltak.areaWord, 'omrade']);

/** The word before an area number: `område 2`, `omrade 2`, `area 2`. */
export function isAreaWord(word: string): boolean {
  return AREA_WORDS.has(word.toLowerCase());
}

/** The areas a user may choose among, for an answer to a wrong or missing one: "1 Forebygging, 2 Beskyttelse". */
export function areaChoices(
  lang: Lang,
  areas: readonly { number: number; titleNb: string; titleEn: string }[],
): string {
  return areas.map((a) => `${a.number} ${titleIn(lang, a)}`).join(', ') || '–';
}
