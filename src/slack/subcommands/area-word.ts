import { messages } from '../../i18n/index.js';

/** Either language's word for "area" works, whatever the user's language, and without the å. */
const AREA_WORDS = new Set([messages('nb').tiltak.areaWord, messages('en').tiltak.areaWord, 'omrade']);

/** The word before an area number: `område 2`, `omrade 2`, `area 2`. */
export function isAreaWord(word: string): boolean {
  return AREA_WORDS.has(word.toLowerCase());
}
