import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { importPlanText } from '../../src/features/plan/import-plan.js';
import type { Database } from '../../src/kernel/db/open-database.js';
import { seedPlan } from '../support/harness.js';
import { createTestDatabase, truncateAll } from '../support/test-database.js';
import { dateLike, hostileText, hugeNumber, TROUBLE_CHARS } from './fuzz-arbitraries.js';
import { checkProperty, FUZZ_TEST_TIMEOUT_MS, Tally } from './fuzz-support.js';

const FIXTURE = readFileSync(new URL('../fixtures/small-plan.yaml', import.meta.url), 'utf8');
const tally = new Tally('plan YAML files');
let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
  await seedPlan(db);
});
afterAll(async () => {
  console.info(tally.summary());
  await db.close();
});

/**
 * Every table's rows, hashed: "no change in the database" means none of
 * these moved. `except` leaves out columns that say when, not what.
 */
async function fingerprint(except: string[] = []): Promise<Record<string, string>> {
  const content = `(to_jsonb(r)${except.map((c) => ` - '${c}'`).join('')})::text`;
  return db.runner.session(async (conn) => {
    const tables = (
      await conn.query<{ tablename: string }>(
        `SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'`,
      )
    ).map((t) => t.tablename);
    const select = tables
      .map((t) => `(SELECT md5(coalesce(string_agg(${content}, '|' ORDER BY ${content}), '')) FROM "${t}" r) AS "${t}"`)
      .join(', ');
    const [hashes] = await conn.query<Record<string, string>>(`SELECT ${select}`);
    return hashes ?? {};
  });
}
const withoutAudit = ({ AuditLog: _audit, ...rest }: Record<string, string>) => rest;

// --- plan files ---------------------------------------------------------------

type Path = (string | number)[];
/** Every place in a parsed document where a mutation can land. */
function paths(value: unknown, at: Path = []): Path[] {
  if (Array.isArray(value)) return [at, ...value.flatMap((v, i) => paths(v, [...at, i]))];
  if (value !== null && typeof value === 'object')
    return [at, ...Object.entries(value).flatMap(([k, v]) => paths(v, [...at, k]))];
  return [at];
}
const base = parse(FIXTURE) as unknown;
const PATHS = paths(base).filter((p) => p.length > 0);

const strangeValue = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  hostileText,
  hugeNumber.map(Number),
  hugeNumber,
  dateLike,
  fc.constantFrom<unknown>(
    2 ** 31,
    2 ** 31 - 1,
    2 ** 53 + 1,
    -1,
    0,
    1.5,
    Number.MAX_SAFE_INTEGER,
    1e308,
    null,
    true,
    [],
    {},
    '',
    'U0KARI01',
    'JD',
    'C0FOCUS1',
    '#kanal',
    '24:00',
    '2004-02-30',
  ),
  fc.string({ unit: fc.constantFrom(...TROUBLE_CHARS), minLength: 1, maxLength: 10 }).map((s) => `Tittel ${s}`),
);

type Mutation =
  | { kind: 'set'; path: Path; value: unknown }
  | { kind: 'delete'; path: Path }
  | { kind: 'copy'; path: Path }
  | { kind: 'key'; path: Path; key: string; value: unknown };
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({ kind: fc.constant('set' as const), path: fc.constantFrom(...PATHS), value: strangeValue }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), path: fc.constantFrom(...PATHS) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('copy' as const),
      path: fc.constantFrom(...PATHS.filter((p) => typeof p.at(-1) === 'number')),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('key' as const),
      path: fc.constantFrom([], ...PATHS),
      key: fc.string({ maxLength: 12 }),
      value: strangeValue,
    }),
  },
);

function apply(doc: unknown, m: Mutation): unknown {
  const copy = structuredClone(doc);
  const parentPath = m.kind === 'key' ? m.path : m.path.slice(0, -1);
  const last = m.path.at(-1);
  let parent: unknown = copy;
  for (const step of parentPath) parent = (parent as Record<string | number, unknown> | null)?.[step];
  if (parent === null || typeof parent !== 'object') return copy;
  const node = parent as Record<string | number, unknown>;
  if (m.kind === 'key') node[m.key] = m.value;
  else if (last === undefined) return copy;
  else if (m.kind === 'set') node[last] = m.value;
  else if (m.kind === 'copy' && Array.isArray(node)) node.push(structuredClone(node[last as number]));
  else if (Array.isArray(node)) node.splice(last as number, 1);
  else delete node[last];
  return copy;
}

/** The fixture with one to four of its values changed, removed, copied or joined by strangers. */
const mutatedFixture = fc
  .array(mutation, { minLength: 1, maxLength: 4 })
  .map((ms) => stringify(ms.reduce(apply, base)));

/** The fixture's text cut, spliced or stuffed: what a careless edit or a bad copy makes. */
const editedFixture = fc.oneof(
  fc
    .tuple(
      fc.nat(FIXTURE.length),
      fc.string({
        unit: fc.constantFrom(...TROUBLE_CHARS, ':', '-', '[', ']', '{', '}', '&a ', '*a', '!!', '#', '\n  '),
        maxLength: 6,
      }),
    )
    .map(([at, s]) => FIXTURE.slice(0, at) + s + FIXTURE.slice(at)),
  fc.tuple(fc.nat(FIXTURE.length), fc.nat(80)).map(([at, n]) => FIXTURE.slice(0, at) + FIXTURE.slice(at + n)),
  fc.nat(FIXTURE.length).map((at) => FIXTURE.slice(0, at)),
);

/** YAML that nobody meant as a plan: any value written as YAML, hostile YAML features, raw bytes. */
const strangeYaml = fc.oneof(
  fc.jsonValue().map((v) => stringify(v)),
  fc.object({ maxDepth: 2 }).map((v) => stringify(v)),
  fc.constantFrom(
    'a: &a [x, x]\nb: &b [*a, *a, *a, *a]\nc: &c [*b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c]',
    'plan: !!binary aGVsbG8=',
    'plan: !!js/function "function () {}"',
    'plan: !!timestamp 2004-01-01',
    'plan: !!set {a, b}',
    'base: &b {title_nb: x}\nplan:\n  <<: *b',
    '---\nplan: {}\n---\nplan: {}',
    'plan:\n\ttitle_nb: x',
    `${'['.repeat(5000)}${']'.repeat(5000)}`,
    `${'- '.repeat(2000)}x`,
    'plan: {start: 2004-01-01, start: 2004-01-02}',
    '\ufeffplan: {}',
    '',
    '~',
  ),
  fc.string({ unit: 'binary', maxLength: 200 }),
);

const planText = fc.oneof(
  { weight: 4, arbitrary: mutatedFixture },
  { weight: 2, arbitrary: editedFixture },
  { weight: 2, arbitrary: strangeYaml },
);

/** The property for one file: an answer, never a throw; errors with their path and no write; an import that can be repeated. */
async function expectImportAnswers(text: string): Promise<'ok' | 'errors'> {
  const before = await fingerprint();
  let result: Awaited<ReturnType<typeof importPlanText>>;
  try {
    result = await importPlanText(db.prisma, text, 'fuzz');
  } catch (error) {
    throw new Error(`the import threw instead of answering: ${String(error).slice(0, 300)}`);
  }
  if (!result.ok) {
    expect(result.errors.length).toBeGreaterThan(0);
    for (const error of result.errors) expect(error, 'an error names where in the file').toMatch(/^[^\s:][^:]*: \S/u);
    expect(await fingerprint(), 'nothing written on an error').toEqual(before);
    return 'errors';
  }
  // A re-import of the same file changes nothing but its audit line and the plan's updatedAt: it updates in place.
  const once = await fingerprint(['updatedAt']);
  expect((await importPlanText(db.prisma, text, 'fuzz')).ok).toBe(true);
  expect(withoutAudit(await fingerprint(['updatedAt'])), 'a re-import changes nothing').toEqual(withoutAudit(once));
  return 'ok';
}

describe('plan YAML files, fuzzed', () => {
  it(
    'imports a file or names what is wrong with its path, never throws, and leaves the database as it was on an error',
    async () => {
      await checkProperty(
        'plan YAML files',
        fc.asyncProperty(planText, async (text) => {
          tally.inputs += 1;
          try {
            tally.add(await expectImportAnswers(text));
          } catch (error) {
            tally.add(String(error).includes('threw') ? 'threw' : 'broke the property');
            throw error;
          }
        }),
      );
    },
    FUZZ_TEST_TIMEOUT_MS,
  );
});

describe('plan YAML files: inputs the fuzzer found', () => {
  beforeEach(async () => {
    await truncateAll(db);
    await seedPlan(db);
  });

  it('answers a name holding a NUL (written "\\0" in YAML) instead of throwing from the database', async () => {
    await expectImportAnswers(FIXTURE.replace('name_en: "Ministry of Children"', 'name_en: "x\\0x"'));
  });

  it('answers a title holding a lone surrogate (written "\\uD800" in YAML) instead of throwing from the database', async () => {
    await expectImportAnswers(FIXTURE.replace('title_en: "Protect"', 'title_en: "\\uD800Protect"'));
  });

  it("names a focus area number beyond the database's integers as an error in the file instead of throwing", async () => {
    expect(
      await expectImportAnswers(
        FIXTURE.replace('{number: 2, title_nb: "Forebygge"', '{number: 2147483648, title_nb: "Forebygge"').replace(
          'focus_area: 2,',
          'focus_area: 2147483648,',
        ),
      ),
    ).toBe('errors');
  });
});
