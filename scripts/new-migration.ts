import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../src/kernel/db/cli-database.js';
import { MIGRATIONS_DIR } from '../src/kernel/db/migrate.js';

/**
 * Authors a migration offline: the WASM schema engine diffs the committed
 * migrations (replayed on an in-memory PGlite) against schema.prisma.
 */
await runCli(async () => {
  const name = process.argv[2];
  if (name === undefined || !/^[a-z0-9_]+$/.test(name)) {
    console.error('Usage: npm run db:new-migration -- <snake_case_name>');
    return 2;
  }
  const sql = execFileSync(
    'npx',
    [
      'prisma',
      'migrate',
      'diff',
      '--from-migrations',
      'prisma/migrations',
      '--to-schema-datamodel',
      'prisma/schema.prisma',
      '--script',
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  if (!/\b(CREATE|ALTER|DROP)\b/.test(sql)) {
    console.log('schema.prisma and the migrations agree; nothing to write.');
    return 0;
  }
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const dir = join(MIGRATIONS_DIR, `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'migration.sql'), sql);
  console.log(`Wrote ${join(dir, 'migration.sql')}. Review it, then commit it with the schema change.`);
  return 0;
});
