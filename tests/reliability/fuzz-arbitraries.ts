// Generators shared by the fuzz files: text as a hostile or careless user
// types it, Slack user ids of every shape, and values mutated from real ones.
import fc from 'fast-check';
import { PEOPLE } from './fuzz-support.js';

/** Characters that have broken text handling somewhere: controls, NUL, bidi overrides, invisibles. */
export const TROUBLE_CHARS = [
  '\u0000',
  '\u0001',
  '\u0007',
  '\u0008',
  '\u000b',
  '\u000c',
  '\u001b',
  '\u001f',
  '\u007f',
  '\u0085',
  '\u200b',
  '\u200c',
  '\u200d',
  '\u2060',
  '\ufeff',
  '\u00ad',
  '\u180e',
  '\u202a',
  '\u202b',
  '\u202c',
  '\u202d',
  '\u202e',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u200e',
  '\u200f',
  '\u00a0',
  '\u2007',
  '\u202f',
  '\u3000',
  '\u2028',
  '\u2029',
  '\t',
  '\n',
  '\r',
  ' ',
  '\ud800',
  '\udfff',
  '\ufffd',
  '\uffff',
  '😀',
  '👩‍👩‍👧',
  'e\u0301',
  'å',
  'Ø',
  'ﬁ',
  '\u0130',
  'ß',
  '<',
  '>',
  '&',
  '*',
  '_',
  '~',
  '`',
  '|',
  '"',
  "'",
  '\\',
  '%',
  '{',
  '}',
  '$',
  ';',
  '--',
  '/*',
];

/** Whitespace and invisibles only: a "required" field typed like this holds nothing. */
export const BLANK_CHARS = [
  ' ',
  '\t',
  '\n',
  '\r',
  '\u00a0',
  '\u2007',
  '\u202f',
  '\u3000',
  '\u200b',
  '\u200c',
  '\u200d',
  '\u2060',
  '\ufeff',
  '\u202a',
  '\u202e',
  '\u2066',
  '\u2069',
  '\u0000',
  '\u0001',
  '\u001f',
];

export const blankText = fc.string({ unit: fc.constantFrom(...BLANK_CHARS), minLength: 0, maxLength: 12 });

export const hugeNumber = fc.oneof(
  fc.constantFrom(
    '99999999999999999999',
    '9007199254740993',
    '2147483648',
    '-1',
    '-0',
    '0',
    '00',
    '007',
    '1e309',
    '1e3',
    '0x10',
    '1.5',
    '1,5',
    'NaN',
    'Infinity',
    '１２',
    '٣',
    '²',
    '9'.repeat(400),
  ),
  fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }).map(String),
  fc.double().map(String),
);

export const dateLike = fc.oneof(
  fc.constantFrom(
    '2004-05-03',
    '3.5.2004',
    '03.05.04',
    '3.5',
    '31.4.2004',
    '29.2.2003',
    '29.2.2004',
    '0000-01-01',
    '9999-12-31',
    '2004-13-01',
    '2004-02-30',
    '1.1.1',
    '32.1',
    '2004-5-3',
    '+002004-01-01',
  ),
  fc
    .date({ min: new Date('0001-01-01'), max: new Date('9999-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  fc.tuple(fc.nat(40), fc.nat(14), fc.nat(3000)).map(([d, m, y]) => `${d}.${m}.${y}`),
);

/** Slack user ids as they arrive, or are forged: real, unknown, wrong shape. */
export const slackIdLike = fc.oneof(
  fc.constantFrom(...Object.values(PEOPLE)),
  fc.constantFrom(
    '',
    'U',
    'u0kari01',
    'U0KARI01 ',
    ' U0KARI01',
    'U0KARI01\u0000',
    'W0KARI01',
    'B0BOT0001',
    'USLACKBOT',
    'U'.repeat(40),
  ),
  fc.stringMatching(/^[UW][A-Z0-9]{2,12}$/),
  fc.string({ maxLength: 20 }),
);

const mention = fc.oneof(
  slackIdLike.map((id) => `<@${id}>`),
  fc.tuple(slackIdLike, fc.string({ maxLength: 10 })).map(([id, name]) => `<@${id}|${name}>`),
  fc.constantFrom(
    '<!channel>',
    '<!here>',
    '<#C0TEST0001|general>',
    '<!subteam^S0123|@team>',
    '<@>',
    '<@|x>',
    '@Kari',
    '@Kari Nordmann',
    '@',
  ),
);

/** One word of a command or a field, from every family above. */
export const hostileWord = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 3, arbitrary: fc.string({ unit: fc.constantFrom(...TROUBLE_CHARS), maxLength: 8 }) },
  { weight: 2, arbitrary: hugeNumber },
  { weight: 2, arbitrary: dateLike },
  { weight: 2, arbitrary: mention },
  { weight: 1, arbitrary: blankText },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
);

/** Free text: anything, or words of the families above joined by any kind of space. */
export const hostileText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc
    .array(hostileWord, { maxLength: 6 })
    .chain((words) => fc.constantFrom(' ', '  ', '\t', '\n', '\u00a0', '\u3000', '').map((sep) => words.join(sep))),
  fc.constantFrom('a'.repeat(3001), 'ø'.repeat(4000), 'x\u0000'.repeat(100)),
);

/**
 * A real value (JSON we wrote into a button or metadata) turned into a
 * near miss: a field removed, retyped or swapped, the text cut, or garbage.
 */
export function mutatedJsonText(real: Record<string, unknown>): fc.Arbitrary<string> {
  const keys = Object.keys(real);
  const fieldValue = fc.oneof(
    fc.jsonValue({ maxDepth: 2 }),
    hugeNumber.map(Number),
    hugeNumber,
    fc.constantFrom(0, -1, 1.5, 2 ** 31, 2 ** 53, null, true, '', '1'),
  );
  // A value with no fields (a decoded `{}`) has none to remove or retype.
  const byKey =
    keys.length === 0
      ? []
      : [
          fc.constantFrom(...keys).map((k) => Object.fromEntries(Object.entries(real).filter(([key]) => key !== k))),
          fc.tuple(fc.constantFrom(...keys), fieldValue).map(([k, v]) => ({ ...real, [k]: v })),
        ];
  const asObject = fc.oneof(
    fc.constant(real),
    ...byKey,
    fc.tuple(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 1 })).map(([k, v]) => ({ ...real, [k]: v })),
    fc.jsonValue({ maxDepth: 2 }),
  );
  return fc.oneof(
    { weight: 4, arbitrary: asObject.map((v) => JSON.stringify(v) ?? '') },
    { weight: 1, arbitrary: fc.nat(60).map((n) => JSON.stringify(real).slice(0, n)) },
    { weight: 1, arbitrary: hostileText },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '',
        'null',
        '[]',
        '{}',
        '"x"',
        JSON.stringify(JSON.stringify(real)),
        `${JSON.stringify(real)} `,
        'x'.repeat(5000),
      ),
    },
  );
}
