import type { Lang } from './index.js';

// The plan's own words (titles of the plan, areas and measures; agency names) come in both languages: show the reader's.

export function titleIn(lang: Lang, x: { titleNb: string; titleEn: string }): string {
  return lang === 'nb' ? x.titleNb : x.titleEn;
}

export function nameIn(lang: Lang, x: { nameNb: string; nameEn: string }): string {
  return lang === 'nb' ? x.nameNb : x.nameEn;
}
