import { describe, expect, it } from 'vitest';
import { findPersonalData, isIdentityNumber } from '../../src/kernel/text/personal-data.js';

// Computed by hand from the two mod-11 weight rows (3 7 6 1 8 9 4 5 2 and 5 4 3 2 7 6 5 4 3 2):
// 010190 124 → k1 = 11 − 102 mod 11 = 8, k2 = 11 − 110 mod 11 = 11 → 0.
const VALID_FNR = ['01019012480', '01019012561', '15057543288', '29020451198', '31129987688'];
/** 01.01.90 as a D-number: the first digit + 4. */
const VALID_DNR = '41019012393';

describe('isIdentityNumber', () => {
  it.each(VALID_FNR)('accepts the fødselsnummer %s', (n) => expect(isIdentityNumber(n)).toBe(true));

  it('accepts a D-number, whose day is raised by 40', () => expect(isIdentityNumber(VALID_DNR)).toBe(true));

  it.each([
    ['01019012481', 'the second check digit is wrong'],
    ['01019012490', 'the first check digit is wrong'],
    ['01019012300', 'no first check digit exists for 010190123 (it would be 10)'],
    ['45057543288', 'the check digits of 15057543288 do not hold once the day is raised'],
    ['12345678901', 'a count of digits, not a number anyone holds'],
    ['00000000000', 'day 0'],
    ['31049912345', 'there is no 31 April'],
    ['0101901248', 'ten digits'],
  ])('refuses %s: %s', (n) => expect(isIdentityNumber(n)).toBe(false));
});

describe('findPersonalData', () => {
  it('finds an identity number run together, split 6 + 5, or inside a sentence', () => {
    for (const text of [
      'Jenta har fnr 01019012480, følges opp.',
      'fnr. 010190 12480',
      'fnr 010190-12480.',
      'D-nr 410190.12393',
    ]) {
      expect(findPersonalData(text).map((f) => f.kind)).toEqual(['identity_number']);
    }
  });

  it('leaves alone 11 digits that fail a check, and identity numbers inside longer digit runs', () => {
    expect(findPersonalData('Saksnr 01019012481')).toEqual([]);
    expect(findPersonalData('Konto 9010190124801 og 101019012480')).toEqual([]);
    expect(findPersonalData('Beløp 12 500 000 kr i 2004–2005, 20 kommuner')).toEqual([]);
  });

  it('finds e-mail addresses and Norwegian phone numbers, in the order they appear', () => {
    const found = findPersonalData(
      'Ring 912 34 567 eller +47 22 33 44 55, e-post kari.nordmann@politiet.no, 91234567.',
    );
    expect(found).toEqual([
      { kind: 'phone', match: '912 34 567' },
      { kind: 'phone', match: '+47 22 33 44 55' },
      { kind: 'email', match: 'kari.nordmann@politiet.no' },
      { kind: 'phone', match: '91234567' },
    ]);
    expect(findPersonalData('tlf 91 23 45 67')).toEqual([{ kind: 'phone', match: '91 23 45 67' }]);
  });

  it('does not read an amount, a year or a number starting with 0 or 1 as a phone number', () => {
    expect(findPersonalData('Brukt 12345678 kr')).toEqual([]);
    expect(findPersonalData('Saken 01234567 og 1 250 000')).toEqual([]);
    expect(findPersonalData('Rapport 2004 2005')).toEqual([]);
  });
});
