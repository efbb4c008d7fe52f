import { readFile } from 'node:fs/promises';
import { importPlanText } from '../src/features/plan/index.js';
import type { Database } from '../src/kernel/db/open-database.js';
import { openDatabase } from '../src/kernel/db/open-database.js';
import type { Bench } from './measure.js';

/** Re-importing the bundled plan (23 measures) against one trivial query on the same database. */
export function planImportBench(): Bench {
  let db: Database;
  let text = '';
  return {
    name: 're-import of the bundled 2003–2005 plan',
    baselineName: 'one SELECT 1 through Prisma',
    rounds: 20,
    async setup() {
      db = await openDatabase({ kind: 'pglite', dataDir: null });
      text = await readFile(new URL('../plans/handlingsplan-2003-2005.yaml', import.meta.url), 'utf8');
      await importPlanText(db.prisma, text);
    },
    async baseline() {
      await db.prisma.$queryRaw`SELECT 1`;
    },
    async subject() {
      const result = await importPlanText(db.prisma, text);
      if (!result.ok) throw new Error(result.errors.join('\n'));
    },
    async teardown() {
      await db.close();
    },
  };
}
