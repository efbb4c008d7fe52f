import { runCli } from '../src/kernel/db/cli-database.js';
import { migrate } from '../src/kernel/db/migrate.js';
import { openDatabase, parseDatabaseUrl } from '../src/kernel/db/open-database.js';

await runCli(async () => {
  const db = await openDatabase(parseDatabaseUrl(process.env.DATABASE_URL), { migrate: false });
  try {
    const applied = await migrate(db.runner);
    console.log(applied.length === 0 ? 'The database is up to date.' : `Applied: ${applied.join(', ')}`);
  } finally {
    await db.close();
  }
});
