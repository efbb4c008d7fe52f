/**
 * Personal data that must not sit in a record that never changes.
 *
 * A national identity number (fødselsnummer) or D-number is refused: it names
 * one person for life, and in this plan's subject that person may be a victim.
 * An e-mail address or a phone number is often an agency's switchboard, so it
 * is only pointed out.
 *
 * What counts as an identity number: 11 digits, either run together or split
 * 6 + 5 by one space, non-breaking space, dot or hyphen ("010190 12345", the
 * way people copy them from letters), not part of a longer run of digits,
 * whose first six digits can be a birth date (day + 40 for a D-number) and
 * whose two last digits are both right under mod 11. The date check keeps an
 * 11-digit case or account number from being refused by chance.
 */

export type PersonalDataKind = 'identity_number' | 'email' | 'phone';

export interface PersonalDataFinding {
  kind: PersonalDataKind;
  /** The text as it stands in the field, for a warning that shows the user where to look. */
  match: string;
}

const FIRST_WEIGHTS = [3, 7, 6, 1, 8, 9, 4, 5, 2] as const;
const SECOND_WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2] as const;
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

const IDENTITY_CANDIDATE = /(?<![\d.,])(\d{6})[ \u00a0.-]?(\d{5})(?![\d]|[.,]\d)/gu;
const EMAIL = /(?<![\w.+-])[\w.+-]+@[a-z\d-]+(?:\.[a-z\d-]+)*\.[a-z]{2,}(?![\w-])/giu;
/**
 * Norwegian numbers start with 2–9 and have 8 digits: run together, as 3-2-3 or 2-2-2-2,
 * or after +47 / 0047 in any grouping of single spaces. Amounts ("12 500 000") and years
 * ("2004–2005") do not take these shapes.
 */
const PHONE =
  /(?<![\d.,+])(?:(?:\+|00)47[ \u00a0]?(?:\d[ \u00a0]?){7}\d|[2-9]\d{7}|[2-9]\d{2} \d{2} \d{3}|[2-9]\d \d{2} \d{2} \d{2})(?![\d]|[.,]\d)/gu;

function checkDigit(digits: readonly number[], weights: readonly number[]): number | null {
  const sum = weights.reduce((total, weight, i) => total + weight * (digits[i] ?? 0), 0);
  const rest = 11 - (sum % 11);
  if (rest === 11) return 0;
  return rest === 10 ? null : rest;
}

/** True for a fødselsnummer or D-number written as 11 digits, both check digits right. */
export function isIdentityNumber(elevenDigits: string): boolean {
  if (!/^\d{11}$/u.test(elevenDigits)) return false;
  const d = [...elevenDigits].map(Number);
  const rawDay = (d[0] ?? 0) * 10 + (d[1] ?? 0);
  const day = rawDay > 40 ? rawDay - 40 : rawDay;
  const month = (d[2] ?? 0) * 10 + (d[3] ?? 0);
  if (month < 1 || month > 12 || day < 1 || day > (DAYS_IN_MONTH[month - 1] ?? 0)) return false;
  const first = checkDigit(d, FIRST_WEIGHTS);
  if (first === null || first !== d[9]) return false;
  const second = checkDigit(d, SECOND_WEIGHTS);
  return second !== null && second === d[10];
}

/** Every piece of personal data in a text, in the order it appears. */
export function findPersonalData(text: string): PersonalDataFinding[] {
  const found: (PersonalDataFinding & { at: number })[] = [];
  for (const hit of text.matchAll(IDENTITY_CANDIDATE)) {
    if (isIdentityNumber(`${hit[1]}${hit[2]}`)) found.push({ kind: 'identity_number', match: hit[0], at: hit.index });
  }
  for (const hit of text.matchAll(EMAIL)) found.push({ kind: 'email', match: hit[0], at: hit.index });
  for (const hit of text.matchAll(PHONE)) found.push({ kind: 'phone', match: hit[0], at: hit.index });
  return found.sort((a, b) => a.at - b.at).map(({ kind, match }) => ({ kind, match }));
}
