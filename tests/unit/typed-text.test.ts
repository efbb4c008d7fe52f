import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasVisibleCharacter, normaliseTypedText as normalise } from '../../src/kernel/text/typed-text.js';

describe('normaliseTypedText', () => {
  it('removes NUL and the other C0 controls, but keeps tab and newline', () => {
    expect(normalise('a\u0000b\u0007c\u001bd\u000be\u000cf')).toBe('abcdef');
    expect(normalise('a\tb\nc')).toBe('a\tb\nc');
  });

  it('removes DEL and the C1 controls', () => {
    expect(normalise('a\u007fb\u0085c\u009fd')).toBe('abcd');
  });

  it('turns CRLF and a lone CR into a newline', () => {
    expect(normalise('a\r\nb\rc\n\rd')).toBe('a\nb\nc\n\nd');
  });

  it('removes bidi embeddings, overrides and isolates, and nothing else of their kind', () => {
    const bidi = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'];
    expect(normalise(`x${bidi.join('y')}z`)).toBe(`x${'y'.repeat(bidi.length - 1)}z`);
    expect(normalise('a\u200fb')).toBe('a\u200fb');
  });

  it('composes to NFC', () => {
    expect(normalise('Fre\u0301ne bla\u030a')).toBe('Fréne blå');
    expect(normalise('e\u0000\u0301')).toBe('é');
  });

  it('trims whitespace and zero-width padding at the ends, and keeps them inside', () => {
    expect(normalise(' \u00a0\u200b\ufeff\u2060 hei\u200bsann \u3000\u200d\n')).toBe('hei\u200bsann');
    expect(normalise('\u202e  \u202c')).toBe('');
    expect(normalise('👩\u200d💻')).toBe('👩\u200d💻');
    expect(normalise('❤\ufe0f')).toBe('❤\ufe0f');
  });

  it('replaces a lone surrogate, which PostgreSQL cannot store, and keeps a pair', () => {
    expect(normalise('a\ud800b\udfffc')).toBe('a\ufffdb\ufffdc');
    expect(normalise('\ud83d\ude00')).toBe('😀');
  });

  it('trims a long run of inner spaces in linear time', () => {
    const text = `a${' '.repeat(200_000)}b`;
    const started = performance.now();
    expect(normalise(text)).toBe(text);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('is idempotent, on any string', () => {
    const anyText = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.string({ unit: 'grapheme-composite' }),
      fc.string({
        unit: fc.constantFrom(
          '\u0000',
          '\r',
          '\n',
          ' ',
          '\u200b',
          '\u202e',
          '\u0301',
          'e',
          '\ud800',
          '\udc00',
          '\u1100',
          '\u1161',
          '\u11a8',
        ),
      }),
    );
    fc.assert(
      fc.property(anyText, (text) => normalise(normalise(text)) === normalise(text)),
      { numRuns: 2000 },
    );
  });

  it('never leaves a character PostgreSQL refuses or a bidi override', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const out = normalise(text);
        // biome-ignore lint/suspicious/noControlCharactersInRegex: the property is that none is left
        return !/[\u0000\r\u202a-\u202e\u2066-\u2069]|[\ud800-\udfff]/u.test(out) && out === out.normalize('NFC');
      }),
      { numRuns: 2000 },
    );
  });
});

describe('hasVisibleCharacter', () => {
  it('finds none in whitespace, zero-width and other invisible characters', () => {
    for (const text of [
      '',
      ' ',
      '\t\n',
      '\u00a0\u3000',
      '\u200b\u200c\u200d',
      '\u2060\ufeff\u00ad',
      '\u200e\u200f\u061c',
      '\u3164\u115f',
      '\ufe0f',
      '\u0301\u0308',
      '\u2800',
    ]) {
      expect(hasVisibleCharacter(text), JSON.stringify(text)).toBe(false);
    }
  });

  it('finds one in letters, digits, punctuation and emoji', () => {
    for (const text of ['a', ' 0 ', '.', 'é', 'e\u0301', '😀', '\u200b-\u200b', '漢', '\ufffd']) {
      expect(hasVisibleCharacter(text), JSON.stringify(text)).toBe(true);
    }
  });
});
