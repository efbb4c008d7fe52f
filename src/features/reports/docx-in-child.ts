import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { constants, setPriority } from 'node:os';
import type { Writable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import type { ReportBlock } from './document.js';
import type { DocxMeta } from './docx.js';

export type DocxOutcome =
  | { kind: 'written'; childPeakRssMb: number | null }
  /** The child ran out of the heap it was allowed: the period holds more than a DOCX can be built from. */
  | { kind: 'too-large' };

const LOWEST_PRIORITY = constants.priority.PRIORITY_LOW;

/** Lines are sent in batches of about this many characters: one write per block would cost more than the block. */
const BATCH = 64 * 1024;

/**
 * Runs docx-child under tsx when this module is TypeScript (tests, npm run
 * dev, the CLIs), and as plain node from the build (npm start), so the same
 * code serves both; tsx is resolved from the project's root.
 */
function childCommand(memoryMb: number): { args: string[]; cwd: string | undefined } {
  const source = import.meta.url.endsWith('.ts');
  const script = fileURLToPath(new URL(`./docx-child.${source ? 'ts' : 'js'}`, import.meta.url));
  const cap = `--max-old-space-size=${memoryMb}`;
  if (!source) return { args: [cap, script], cwd: undefined };
  return { args: [cap, '--import', 'tsx', script], cwd: fileURLToPath(new URL('../../../', import.meta.url)) };
}

/**
 * The DOCX built in a child process with a heap cap, fed the blocks as
 * NDJSON as they come, its bytes piped to `out` (not ended: the caller ends
 * it once the outcome is known). The child never opens the database, so this
 * works alike on PGlite, which only one process can open, and PostgreSQL.
 * Running out of heap is an answer (too-large); any other failure throws.
 */
export async function buildDocxInChild(
  blocks: AsyncIterable<ReportBlock>,
  meta: DocxMeta,
  out: Writable,
  memoryMb: number,
): Promise<DocxOutcome> {
  const { args, cwd } = childCommand(memoryMb);
  const child = spawn(process.execPath, args, { cwd, env: {}, stdio: ['pipe', 'pipe', 'pipe', 'pipe'] });
  // The bot's acks come first: on a small server the builder takes what CPU they leave.
  try {
    if (child.pid !== undefined) setPriority(child.pid, LOWEST_PRIORITY);
  } catch {
    // Gone already (it failed to start): its exit says why, below.
  }
  const [stdin, stdout, stderr, report] = [child.stdin, child.stdout, child.stderr, child.stdio[3]];
  let errors = '';
  let figures = '';
  stderr.on('data', (d: Buffer) => (errors = (errors + d.toString()).slice(-4_000)));
  report?.on('data', (d: Buffer) => (figures += d.toString()));
  stdout.pipe(out, { end: false });
  // A child that died takes its stdin with it (EPIPE): how it exited says why.
  stdin.on('error', () => undefined);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal }));
  });
  let alive = true;
  void exited.then(() => (alive = false)).catch(() => (alive = false));

  const send = async (text: string) => {
    if (!alive) return;
    // A failed write (EPIPE) ends the wait too: the child's exit is the answer, not the pipe.
    if (!stdin.write(text)) await Promise.race([once(stdin, 'drain').catch(() => undefined), exited]);
  };
  let batch = `${JSON.stringify(meta)}\n`;
  for await (const block of blocks) {
    batch += `${JSON.stringify(block)}\n`;
    if (batch.length < BATCH) continue;
    await send(batch);
    batch = '';
    if (!alive) break;
    // Blocks are made in microtasks, which let no request in: in the bot, acks wait for this turn.
    await nextTurn();
  }
  await send(batch);
  stdin.end();
  const { code, signal } = await exited;
  if (code === 0) {
    const peak = /"peakRssMb":(\d+(?:\.\d+)?)/.exec(figures)?.[1];
    return { kind: 'written', childPeakRssMb: peak === undefined ? null : Number(peak) };
  }
  // V8 aborts (SIGABRT, or 134 through a shell) when the heap cap is reached.
  if (signal === 'SIGABRT' || code === 134 || /heap out of memory/i.test(errors)) return { kind: 'too-large' };
  throw new Error(`the DOCX builder exited with ${signal ?? code}: ${errors.trim().slice(-1_000)}`);
}
