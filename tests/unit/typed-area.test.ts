import { describe, expect, it } from 'vitest';
import { readAreaArg } from '../../src/kernel/text/typed-area.js';

describe('a focus area as typed, the same in every command', () => {
  it('reads `område 2`, `omrade 2`, `area 2` and a bare `2`, in any case, with the words after it', () => {
    for (const words of [['område', '2'], ['OMRÅDE', '2'], ['omrade', '2'], ['area', '2'], ['2']]) {
      expect(readAreaArg([...words, 'uke', '10']), words.join(' ')).toEqual({
        kind: 'number',
        number: 2,
        given: '2',
        rest: ['uke', '10'],
      });
    }
  });

  it('is none when the words do not start with an area, and leaves them all', () => {
    expect(readAreaArg([])).toEqual({ kind: 'none', rest: [] });
    expect(readAreaArg(['status'])).toEqual({ kind: 'none', rest: ['status'] });
    // A date is not an area, though it starts with digits.
    expect(readAreaArg(['3.5', '2'])).toEqual({ kind: 'none', rest: ['3.5', '2'] });
  });

  it('is bad for the area word without a whole number after it, and for 0 or a number past any column', () => {
    expect(readAreaArg(['område'])).toEqual({ kind: 'bad', given: '' });
    expect(readAreaArg(['area', 'to'])).toEqual({ kind: 'bad', given: 'to' });
    expect(readAreaArg(['område', '-1'])).toEqual({ kind: 'bad', given: '-1' });
    expect(readAreaArg(['0'])).toEqual({ kind: 'bad', given: '0' });
    expect(readAreaArg(['99999999999999999999'])).toEqual({ kind: 'bad', given: '99999999999999999999' });
  });
});
