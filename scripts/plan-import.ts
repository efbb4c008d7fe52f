import { readFile } from 'node:fs/promises';
import { WebClient } from '@slack/web-api';
import { importPlanText, slackEmailLookup } from '../src/features/plan/index.js';
import { openCliDatabase, runCli } from '../src/kernel/db/cli-database.js';

await runCli(async () => {
  const file = process.argv[2];
  if (file === undefined) {
    console.error('Usage: npm run plan:import -- <plan.yaml>');
    return 2;
  }
  const text = await readFile(file, 'utf8');
  const db = await openCliDatabase(process.env);
  try {
    // People named by e-mail are looked up in Slack, which takes the bot's token.
    const token = process.env.SLACK_BOT_TOKEN;
    const api = process.env.SLACK_API_URL;
    const lookup = token
      ? slackEmailLookup(new WebClient(token, api ? { slackApiUrl: api.endsWith('/') ? api : `${api}/` } : {}))
      : null;
    const result = await importPlanText(db.prisma, text, 'cli', lookup);
    if (!result.ok) {
      console.error(`${file} was not imported; nothing was written:`);
      for (const error of result.errors) console.error(`  ${error}`);
      return 1;
    }
    const s = result.summary;
    console.log(
      `Imported ${file}: ${s.focusAreas} focus areas, ${s.agencies} agencies, ${s.people} people, ${s.measures} measures.`,
    );
    return 0;
  } finally {
    await db.close();
  }
});
