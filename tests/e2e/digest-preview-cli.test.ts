import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/kernel/db/open-database.js';
import { addUpdates } from '../jobs/digest-support.js';
import { seedPlan } from '../support/harness.js';
import { decodePng } from '../unit/chart-png-reader.js';

const run = promisify(execFile);
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tiltak-digest-cli-'));
  const db = await openDatabase({ kind: 'pglite', dataDir: join(dir, 'db') });
  await seedPlan(db);
  await addUpdates(db.prisma, [
    {
      measure: 2,
      agency: 'JD',
      author: 'U0KARI01',
      status: 'AT_RISK',
      done: 'Avtale med tre krisesentre.',
      challenges: 'Finansieringen for 2005.',
      at: '2004-02-25T11:00:00+01:00',
    },
  ]);
  await db.close();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function cli(args: string[]) {
  return run(process.execPath, ['--import', 'tsx', 'scripts/digest-preview.ts', ...args], {
    env: { ...process.env, DATABASE_URL: `file:${join(dir, 'db')}`, LOG_LEVEL: 'silent' },
    timeout: 60_000,
  });
}

// A whole process each: start-up, a PGlite folder and the chart renderer, which a busy machine makes slow.
describe('npm run digest:preview', { timeout: 90_000 }, () => {
  it('prints a week’s digest from the local database and writes the chart, with no Slack at all', async () => {
    const chart = join(dir, 'chart.png');
    const { stdout } = await cli(['--area', '1', '--week', '2004-W09', '--chart', chart]);
    expect(stdout).toContain('Ukesammendrag: 1. Beskytte\n');
    expect(stdout).toContain('Uke 9 (23.–29. februar 2004)');
    expect(stdout).toContain('── Tiltak 2: Trygge steder');
    expect(stdout).toContain('Utfordringer: Finansieringen for 2005.');
    expect(stdout).toContain('Ikke noe nytt: 1 (Ikke rapportert)');
    const png = decodePng(await readFile(chart));
    expect(png.width).toBeGreaterThan(600);
  });

  it('names the areas and exits 2 for an unknown one', async () => {
    const failed = await cli(['--area', '7']).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed?.code).toBe(2);
    expect(failed?.stderr).toContain('No focus area 7. Areas: 1 Beskytte, 2 Forebygge');
  });
});
