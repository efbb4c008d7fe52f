import { describe, expect, it } from 'vitest';
import { INT_COLUMN_MAX, idSchema, readWholeNumber, wholeNumberSchema } from '../../src/kernel/text/whole-number.js';

describe('readWholeNumber', () => {
  it('reads digits, with leading zeros', () => {
    expect(readWholeNumber('0')).toEqual({ ok: true, value: 0 });
    expect(readWholeNumber('42')).toEqual({ ok: true, value: 42 });
    expect(readWholeNumber('007')).toEqual({ ok: true, value: 7 });
    expect(readWholeNumber(`${'0'.repeat(50)}1`)).toEqual({ ok: true, value: 1 });
  });

  it('refuses anything but ASCII digits', () => {
    for (const text of [
      '',
      ' 1',
      '1 ',
      '-1',
      '+1',
      '1.0',
      '1e3',
      '0x10',
      'Infinity',
      'NaN',
      '١٢',
      '１２',
      '1_000',
      '12a',
    ]) {
      expect(readWholeNumber(text), text).toEqual({ ok: false, reason: 'not_a_number' });
    }
  });

  it('refuses a value that is not a string at all, as a forged payload may send', () => {
    for (const value of [42, 1e300, null, undefined, ['1'], { value: '1' }]) {
      expect(readWholeNumber(value), String(value)).toEqual({ ok: false, reason: 'not_a_number' });
    }
  });

  it('answers out of range for what does not fit the integer column, however long, without rounding', () => {
    expect(readWholeNumber(String(INT_COLUMN_MAX))).toEqual({ ok: true, value: INT_COLUMN_MAX });
    expect(readWholeNumber('2147483648')).toEqual({ ok: false, reason: 'out_of_range' });
    expect(readWholeNumber('99999999999999999999')).toEqual({ ok: false, reason: 'out_of_range' });
    expect(readWholeNumber('9'.repeat(400))).toEqual({ ok: false, reason: 'out_of_range' });
  });

  it('keeps to the range it is given', () => {
    expect(readWholeNumber('0', { min: 1 })).toEqual({ ok: false, reason: 'out_of_range' });
    expect(readWholeNumber('100', { max: 100 })).toEqual({ ok: true, value: 100 });
    expect(readWholeNumber('101', { max: 100 })).toEqual({ ok: false, reason: 'out_of_range' });
    expect(readWholeNumber('9007199254740993', { max: Number.MAX_SAFE_INTEGER })).toEqual({
      ok: false,
      reason: 'out_of_range',
    });
    expect(readWholeNumber('9007199254740991', { max: Number.MAX_SAFE_INTEGER })).toEqual({
      ok: true,
      value: Number.MAX_SAFE_INTEGER,
    });
  });
});

describe('idSchema and wholeNumberSchema', () => {
  it('take only safe integers in range from JSON', () => {
    expect(idSchema.safeParse(1).success).toBe(true);
    expect(idSchema.safeParse(INT_COLUMN_MAX).success).toBe(true);
    for (const value of [0, -1, 1.5, INT_COLUMN_MAX + 1, 1e300, Number.POSITIVE_INFINITY, Number.NaN, '1', null]) {
      expect(idSchema.safeParse(value).success, String(value)).toBe(false);
    }
    expect(wholeNumberSchema({ max: 10 }).safeParse(11).success).toBe(false);
  });
});
