import { createWriteStream } from 'node:fs';
import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { REPORT_FORMATS, writeReport } from '../../src/features/reports/index.js';
import { loadConfig } from '../../src/kernel/config.js';
import { openDatabase, parseDatabaseUrl } from '../../src/kernel/db/open-database.js';

/**
 * One report, or its raw SQL baseline, in a process of its own, so that its
 * peak memory is its own: `report-child.ts <md|docx|csv|raw> <from> <to>`.
 * Prints one JSON line: time, resident memory before the work, the peak
 * during it, the size of what was written and the SQL statements sent.
 */
const [what, from, to] = process.argv.slice(2);
if (what === undefined || from === undefined || to === undefined)
  throw new Error('usage: report-child.ts <format|raw> <from> <to>');

const rss = async (field: 'VmRSS' | 'VmHWM') =>
  Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(await readFile('/proc/self/status', 'utf8'))?.[1]) / 1024;

if (what === 'raw') {
  const url = new URL(process.env.DATABASE_URL ?? '');
  const schema = url.searchParams.get('schema');
  url.searchParams.delete('schema');
  const client = new pg.Client({
    connectionString: url.toString(),
    options: schema === null ? undefined : `-c search_path="${schema}"`,
  });
  await client.connect();
  const idle = await rss('VmRSS');
  await resetPeak();
  const started = performance.now();
  // Every update of the period with its measure, agency and author: what the report shows.
  const result = await client.query(
    `SELECT u.*, m.number, m."titleNb", a.code, a."nameNb", p.name AS author
     FROM "Update" u JOIN "Measure" m ON m.id = u."measureId" JOIN "Agency" a ON a.id = u."agencyId" JOIN "Person" p ON p.id = u."authorId"
     WHERE u."createdAt" >= $1 AND u."createdAt" < ($2::date + 1)
     ORDER BY m.number, a.code, u."createdAt"`,
    [from, to],
  );
  const ms = performance.now() - started;
  console.log(JSON.stringify({ ms, idleMb: idle, peakMb: await rss('VmHWM'), rows: result.rowCount, bytes: null }));
  await client.end();
} else {
  const format = REPORT_FORMATS.find((f) => f === what);
  if (format === undefined) throw new Error(`unknown format ${what}`);
  const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-offline', SLACK_SIGNING_SECRET: '-', ...process.env });
  let queries = 0;
  const db = await openDatabase(parseDatabaseUrl(process.env.DATABASE_URL), {
    onQuery: () => {
      queries++;
    },
  });
  const idle = await rss('VmRSS');
  await resetPeak();
  queries = 0;
  const started = performance.now();
  const out = join(tmpdir(), `tiltak-bench-report-${process.pid}.${what}`);
  const request = { from, to, timeZone: config.TZ_PLAN, generatedAt: new Date('2005-01-01T12:00:00Z') };
  const result = await writeReport(db.prisma, request, format, 'nb', createWriteStream(out));
  const ms = performance.now() - started;
  const peakMb = await rss('VmHWM');
  const bytes = result.kind === 'written' ? (await stat(out)).size : null;
  await rm(out, { force: true });
  console.log(
    JSON.stringify({
      ms,
      idleMb: idle,
      peakMb,
      rows: result.kind === 'written' ? result.versions : 0,
      bytes,
      queries,
      outcome: result.kind,
    }),
  );
  await db.close();
}

/** Linux resets VmHWM to the current RSS on "5" in clear_refs, so the peak read after is the work's own. */
async function resetPeak(): Promise<void> {
  await writeFile('/proc/self/clear_refs', '5').catch(() => undefined);
}
