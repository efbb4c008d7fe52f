import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../src/kernel/logger.js';

export interface BotProcess {
  child: ChildProcess;
  /** Everything written to stdout and stderr so far. */
  output(): string;
  /** The JSON log lines so far (lines that are not JSON are left out). */
  logLines(): Record<string, unknown>[];
  exited: Promise<number | null>;
}

/**
 * `npm start` as a child process (src/main.ts under tsx), with exactly the
 * environment given: nothing of the test runner's leaks in but PATH and HOME.
 * `imports` are modules loaded before main (a test's way into the process).
 */
export function launchBot(env: Record<string, string>, imports: string[] = []): BotProcess {
  let output = '';
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', ...imports.flatMap((m) => ['--import', m]), 'src/main.ts'],
    {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, logLines: () => parseLines(output), exited };
}

/**
 * Waits until the bot answers /healthz (with any status), and fails at once,
 * with what the bot printed, if it exits first.
 */
export async function healthOnceListening(bot: BotProcess, port: number, timeoutMs = 200_000): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  let exitCode: number | null | undefined;
  void bot.exited.then((code) => (exitCode = code));
  for (;;) {
    if (exitCode !== undefined) throw new Error(`the bot exited (${exitCode}) before listening:\n${bot.output()}`);
    try {
      return await fetch(`http://127.0.0.1:${port}/healthz`);
    } catch {
      if (Date.now() > deadline) throw new Error(`the bot did not listen within ${timeoutMs} ms:\n${bot.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

/** A port nothing listens on (free a moment ago): connections to it are refused. */
export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** A logger like the bot's whose JSON lines a test can read. */
export function captureLogger(level = 'info'): { logger: Logger; lines: () => Record<string, unknown>[] } {
  let text = '';
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return { logger: createLogger(level, sink), lines: () => parseLines(text) };
}

function parseLines(text: string): Record<string, unknown>[] {
  return text.split('\n').flatMap((line) => {
    if (!line.startsWith('{')) return [];
    try {
      return [JSON.parse(line) as Record<string, unknown>];
    } catch {
      return [];
    }
  });
}
