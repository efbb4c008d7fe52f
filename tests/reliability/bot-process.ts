import { type ChildProcess, spawn } from 'node:child_process';
import { afterEach } from 'vitest';
import type { FakeSlack } from '../rig/fake-slack.js';
import { BOT_TOKEN } from '../support/harness.js';

const SMALL_PLAN = new URL('../fixtures/small-plan.yaml', import.meta.url).pathname;
const ROOT = new URL('../../', import.meta.url).pathname;

export interface BotProcess {
  child: ChildProcess;
  port: number;
  /** http://127.0.0.1:<port>/slack/events */
  eventsUrl: string;
  healthUrl: string;
  /** Everything the process wrote, stdout and stderr together. */
  output(): string;
  /** The JSON log lines whose msg is `msg`. */
  logged(msg: string): Record<string, unknown>[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export interface BotProcessOptions {
  /** Run as this user and group (the suite runs as root, which ignores permission bits). */
  uid?: number;
  gid?: number;
  /** HOME for the process: tsx keeps a cache there, so a non-root user needs one it can write. */
  home?: string;
}

/**
 * `npm start` as a real process (node --import tsx src/main.ts) against the
 * FakeSlack, with the scheduler off unless the env says otherwise. Resolves
 * once it logs "Tiltak is running", with the port it chose.
 */
async function startBotProcess(
  fake: FakeSlack,
  env: Record<string, string>,
  options: BotProcessOptions = {},
): Promise<BotProcess> {
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: options.home ?? process.env.HOME,
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: fake.signingSecret,
      SLACK_API_URL: fake.apiUrl,
      PORT: '0',
      JOBS_ENABLED: 'false',
      LOG_LEVEL: 'info',
      PLAN_FILE: SMALL_PLAN,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(options.uid === undefined ? {} : { uid: options.uid }),
    ...(options.gid === undefined ? {} : { gid: options.gid }),
  });
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const logged = (msg: string) => logLines(output).filter((l) => l.msg === msg);
  const running = fake.waitFor(
    () => {
      const line = logged('Tiltak is running')[0];
      return typeof line?.port === 'number' ? line.port : undefined;
    },
    { timeoutMs: 90_000, intervalMs: 50 },
  );
  const died = exited.then(() => {
    throw new Error(`the bot exited before it ran:\n${output.slice(-3000)}`);
  });
  const port = await Promise.race([running, died]);
  died.catch(() => undefined);
  return {
    child,
    port,
    eventsUrl: `http://127.0.0.1:${port}/slack/events`,
    healthUrl: `http://127.0.0.1:${port}/healthz`,
    output: () => output,
    logged,
    exited,
  };
}

/** Stops the process with SIGTERM (a clean shutdown) and waits for it; returns the exit code. */
export async function stopBotProcess(bot: BotProcess): Promise<number | null> {
  if (bot.child.exitCode === null && bot.child.signalCode === null) bot.child.kill('SIGTERM');
  return (await bot.exited).code;
}

function logLines(output: string): Record<string, unknown>[] {
  const lines: Record<string, unknown>[] = [];
  for (const line of output.split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      const parsed: unknown = JSON.parse(line);
      if (parsed !== null && typeof parsed === 'object') lines.push(parsed as Record<string, unknown>);
    } catch {
      // A line cut off by a kill, or not ours.
    }
  }
  return lines;
}

/**
 * startBotProcess for one test file: any process a test leaves running (it
 * failed before stopping it) is killed after that test, so none outlives the run.
 */
export function useBotProcesses(
  fake: () => FakeSlack,
): (env: Record<string, string>, options?: BotProcessOptions) => Promise<BotProcess> {
  const started: BotProcess[] = [];
  afterEach(async () => {
    for (const bot of started.splice(0)) {
      if (bot.child.exitCode !== null || bot.child.signalCode !== null) continue;
      bot.child.kill('SIGKILL');
      await bot.exited;
    }
  });
  return async (env, options) => {
    const bot = await startBotProcess(fake(), env, options);
    started.push(bot);
    return bot;
  };
}
