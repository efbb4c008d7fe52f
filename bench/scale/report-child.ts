import { createWriteStream } from 'node:fs';
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
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
 * during it, the size of what was written and the SQL statements sent. A
 * DOCX is built in a child of this child, under its heap cap: its own peak
 * (which it reports) is added, as both live at once.
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
  const watch = watchChildren();
  const result = await writeReport(db.prisma, request, format, 'nb', createWriteStream(out), {
    docxMemoryMb: config.REPORT_DOCX_MEMORY_MB,
  });
  const ms = performance.now() - started;
  const childSeenMb = watch.stop();
  const peakMb = await rss('VmHWM');
  const bytes = result.kind === 'written' ? (await stat(out)).size : null;
  await rm(out, { force: true });
  console.log(
    JSON.stringify({
      ms,
      idleMb: idle,
      peakMb,
      childPeakMb: Math.max(result.kind === 'written' ? (result.docxPeakRssMb ?? 0) : 0, childSeenMb) || null,
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

/**
 * The highest peak RSS seen in this process's children, read every 20 ms:
 * the DOCX builder reports its own peak when it succeeds, but one stopped by
 * its heap cap reports nothing, so its last reading stands for it.
 */
function watchChildren(): { stop(): number } {
  let peakMb = 0;
  let busy = false;
  const timer = setInterval(async () => {
    if (busy) return;
    busy = true;
    try {
      for (const pid of (await readdir('/proc')).filter((d) => /^\d+$/.test(d))) {
        const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
        // The parent pid is the second field after the command, which is in parentheses.
        if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) !== process.pid) continue;
        const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
        peakMb = Math.max(peakMb, Number(/^VmHWM:\s+(\d+)/m.exec(status)?.[1] ?? 0) / 1024);
      }
    } finally {
      busy = false;
    }
  }, 20);
  return {
    stop() {
      clearInterval(timer);
      return peakMb;
    },
  };
}
