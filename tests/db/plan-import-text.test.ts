import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { importPlanText } from '../../src/features/plan/import-plan.js';
import { useTestDatabase } from '../support/lifecycle.js';

// A plan file's free text is typed text too: normalised before it is checked and stored.

const db = useTestDatabase();
let small: string;
beforeAll(async () => {
  small = await readFile(new URL('../fixtures/small-plan.yaml', import.meta.url), 'utf8');
});

const withLine = (from: string, to: string) => {
  expect(small).toContain(from);
  return small.replace(from, to);
};

describe('plan import of free text', () => {
  it('stores titles and names without NUL, other controls or bidi overrides, composed to NFC', async () => {
    let text = withLine(
      'title_nb: "Flyktningstatus"',
      'title_nb: "Flykt\\0ning\\x07status \\u202Eskjult\\u202C", description: "Linje 1\\r\\nLinje 2\\u2066"',
    );
    text = text
      .replace('name: "Kari Nordmann"', 'name: "  Kari\\u0000 Nordmann\\u200B "')
      .replace('name_nb: "Justisdepartementet"', 'name_nb: "Justisdepartemente\\u0301t\\u2067"');
    const result = await importPlanText(db.prisma, text);
    expect(result.ok).toBe(true);
    const measure = await db.prisma.measure.findUniqueOrThrow({ where: { number: 1 } });
    expect(measure.titleNb).toBe('Flyktningstatus skjult');
    expect(measure.description).toBe('Linje 1\nLinje 2');
    expect((await db.prisma.person.findFirstOrThrow({ where: { slackId: 'U0KARI01' } })).name).toBe('Kari Nordmann');
    expect((await db.prisma.agency.findUniqueOrThrow({ where: { code: 'JD' } })).nameNb).toBe('Justisdepartementét');
  });

  it('refuses a title of only spaces and zero-width characters, naming where it is', async () => {
    const result = await importPlanText(
      db.prisma,
      withLine('title_nb: "Flyktningstatus"', 'title_nb: " \\u200B\\u2060\\uFEFF "'),
    );
    expect(result).toEqual({ ok: false, errors: ['measures[0].title_nb: must not be empty'] });
    expect(await db.prisma.measure.count()).toBe(0);
  });

  it("counts a title's length after normalising it", async () => {
    const padded = `${'a'.repeat(500)}${'\\0'.repeat(20)}`;
    expect((await importPlanText(db.prisma, withLine('title_nb: "Flyktningstatus"', `title_nb: "${padded}"`))).ok).toBe(
      true,
    );
  });
});

describe('plan import of numbers', () => {
  it('refuses a measure number no one could type, naming where it is, instead of failing in the database', async () => {
    const result = await importPlanText(
      db.prisma,
      withLine('- {number: 1, focus_area: 1,', '- {number: 3000000000, focus_area: 1,'),
    );
    expect(result).toEqual({
      ok: false,
      errors: [expect.stringMatching(/^measures\[0\]\.number: must be at most 1000000$/)],
    });
    expect(await db.prisma.measure.count()).toBe(0);
  });

  it('refuses a focus area number beyond the integer column, wherever it is written', async () => {
    const text = withLine(
      '- {number: 2, title_nb: "Forebygge"',
      '- {number: 2147483648, title_nb: "Forebygge"',
    ).replace('focus_area: 2,', 'focus_area: 2147483648,');
    const result = await importPlanText(db.prisma, text);
    expect(result.ok ? [] : result.errors).toEqual([
      expect.stringMatching(/^focus_areas\[1\]\.number: /),
      expect.stringMatching(/^measures\[2\]\.focus_area: /),
    ]);
    expect(await db.prisma.focusArea.count()).toBe(0);
  });
});
