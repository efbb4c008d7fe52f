import { writeFile } from 'node:fs/promises';
import { exportPlanText } from '../src/features/plan/index.js';
import { openCliDatabase, runCli } from '../src/kernel/db/cli-database.js';

await runCli(async () => {
  const file = process.argv[2];
  if (file === undefined) {
    console.error('Usage: npm run plan:export -- <plan.yaml | ->');
    return 2;
  }
  const db = await openCliDatabase(process.env);
  try {
    const text = await exportPlanText(db.prisma);
    if (file === '-') process.stdout.write(text);
    else {
      await writeFile(file, text, 'utf8');
      console.log(`Wrote ${file}.`);
    }
    return 0;
  } finally {
    await db.close();
  }
});
