import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/kernel/db/open-database.js';

const run = promisify(execFile);
const repo = new URL('../../', import.meta.url).pathname;
let install: string;

/**
 * An install as an operator has it: the repository's files, a .env of its
 * own, and `npm run …` typed in its folder, as the README shows. Only the
 * .env names the database; the test's own environment names none.
 */
beforeAll(async () => {
  install = await mkdtemp(join(tmpdir(), 'tiltak-cli-env-'));
  for (const entry of ['node_modules', 'scripts', 'src', 'prisma', 'plans', 'tests'])
    await symlink(join(repo, entry), join(install, entry));
  for (const file of ['package.json', 'tsconfig.json']) await copyFile(join(repo, file), join(install, file));
});
afterAll(async () => {
  await rm(install, { recursive: true, force: true });
});

async function useDatabase(folder: string): Promise<string> {
  const dataDir = join(install, folder);
  await writeFile(
    join(install, '.env'),
    `# as .env.example shows it\nDATABASE_URL=file:${dataDir}\nLOG_LEVEL=silent\n`,
  );
  return dataDir;
}

async function npmRun(script: string, ...args: string[]): Promise<string> {
  const env: Record<string, string | undefined> = { ...process.env };
  delete env.DATABASE_URL;
  delete env.TEST_DATABASE_URL;
  const { stdout } = await run('npm', ['run', '--silent', script, '--', ...args], {
    cwd: install,
    env,
    timeout: 90_000,
  });
  return stdout;
}

async function counts(dataDir: string): Promise<{ people: number; measures: number; admins: string[] }> {
  const db = await openDatabase({ kind: 'pglite', dataDir });
  try {
    const admins = await db.prisma.person.findMany({ where: { role: 'ADMIN' }, select: { slackId: true } });
    return {
      people: await db.prisma.person.count(),
      measures: await db.prisma.measure.count(),
      admins: admins.map((a) => a.slackId),
    };
  } finally {
    await db.close();
  }
}

describe('the CLIs read .env as npm start does', () => {
  it('imports into the database .env names, exports it, and the export imports into a fresh one unchanged', async () => {
    const first = await useDatabase('db-first');
    expect(await npmRun('plan:import', 'tests/fixtures/small-plan.yaml')).toContain('4 people');
    // Written where .env said, not in ./data/db.
    expect(await counts(first)).toMatchObject({ people: 4 });

    // An admin without an agency, as TILTAK_ADMINS creates one, must survive the round trip too.
    const db = await openDatabase({ kind: 'pglite', dataDir: first });
    await db.prisma.person.create({ data: { slackId: 'U0ADMIN1', name: 'Ada Admin', role: 'ADMIN' } });
    await db.close();

    await npmRun('plan:export', 'exported.yaml');
    const exported = await readFile(join(install, 'exported.yaml'), 'utf8');
    expect(exported).toContain('U0ADMIN1');

    const second = await useDatabase('db-second');
    expect(await npmRun('plan:import', 'exported.yaml')).toContain('5 people');
    expect(await counts(second)).toEqual({ people: 5, measures: (await counts(first)).measures, admins: ['U0ADMIN1'] });
    await npmRun('plan:export', 'again.yaml');
    expect(await readFile(join(install, 'again.yaml'), 'utf8')).toBe(exported);
  }, 240_000);

  it('lets a variable set in the environment win over .env, as npm start does', async () => {
    await useDatabase('db-from-file');
    const fromEnv = join(install, 'db-from-env');
    const env: Record<string, string | undefined> = { ...process.env, DATABASE_URL: `file:${fromEnv}` };
    await run('npm', ['run', '--silent', 'plan:import', '--', 'tests/fixtures/small-plan.yaml'], {
      cwd: install,
      env,
      timeout: 90_000,
    });
    expect(await counts(fromEnv)).toMatchObject({ people: 4 });
  }, 120_000);
});
