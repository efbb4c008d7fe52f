import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface Proc {
  name: string;
  child: ChildProcess;
  port: number;
  /** The last 64 kB the process printed, for the error when it dies. */
  tail(): string;
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

export function spawnProc(name: string, args: string[], env: Record<string, string>, port: number): Proc {
  let tail = '';
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (d: Buffer) => {
    tail = (tail + d.toString()).slice(-65_536);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    name,
    child,
    port,
    tail: () => tail,
    exited,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * The bot's command line exactly as `npm start` has it, run by this node
 * without npm and its shell in between, so that the process measured is the
 * bot itself: `tsx <file>` becomes `node --import tsx <file>`, which is what
 * tsx does in its child.
 */
export async function startCommand(): Promise<{ script: string; args: string[] }> {
  const pkg = JSON.parse(await readFile(new URL('package.json', `file://${ROOT}`), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const script = pkg.scripts.start ?? '';
  const words = script.trim().split(/\s+/);
  if (words[0] === 'tsx') return { script, args: ['--import', 'tsx', ...words.slice(1)] };
  if (words[0] === 'node') {
    // The build is what runs: compile the code as it stands, so the bench never measures a stale dist/.
    execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
    return { script, args: words.slice(1) };
  }
  throw new Error(`cannot read the start script: ${script}`);
}

/** The bare Bolt app as plain JavaScript beside its source, resolving @slack/bolt from the same node_modules. */
export async function bareBoltArgs(): Promise<string[]> {
  const source = await readFile(new URL('bare-bolt.ts', import.meta.url), 'utf8');
  const out = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false },
  }).outputText;
  const dir = new URL('../.out/', import.meta.url);
  await mkdir(dir, { recursive: true });
  const file = new URL('bare-bolt.mjs', dir);
  await writeFile(file, out);
  return [fileURLToPath(file)];
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
    server.on('error', reject);
  });
}

/** Resident and peak resident memory of a process, in MB, from /proc (Linux). */
export async function memoryOf(pid: number | undefined): Promise<{ rssMb: number; peakMb: number }> {
  if (pid === undefined) return { rssMb: Number.NaN, peakMb: Number.NaN };
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

/**
 * Sends `probe` until it is acked with 200, and returns the time since
 * `spawnedAt`: what a user waits for after a restart. Fails with what the
 * process printed if it exits first.
 */
export async function untilFirstAck(
  proc: Proc,
  spawnedAt: number,
  probe: () => Promise<number>,
  timeoutMs = 180_000,
): Promise<number> {
  let exit: number | null | undefined;
  void proc.exited.then((code) => (exit = code));
  for (;;) {
    if (exit !== undefined) throw new Error(`${proc.name} exited (${exit}) before its first ack:\n${proc.tail()}`);
    try {
      if ((await probe()) === 200) return performance.now() - spawnedAt;
    } catch {
      // Not listening yet.
    }
    if (performance.now() - spawnedAt > timeoutMs)
      throw new Error(`${proc.name} did not ack within ${timeoutMs} ms:\n${proc.tail()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
