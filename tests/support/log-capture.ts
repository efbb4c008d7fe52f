import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../src/kernel/logger.js';

export interface LogLine {
  level: number;
  msg?: string;
  requestId?: string;
  [field: string]: unknown;
}

export interface CapturedLog {
  logger: Logger;
  lines: LogLine[];
  /** Lines at warn (40) or above logged since `from`. */
  since(from: number): LogLine[];
}

/** A real pino logger whose JSON lines are kept in memory, so tests can read what the bot logged and at what level. */
export function captureLog(level = 'info'): CapturedLog {
  const lines: LogLine[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const text of chunk.toString('utf8').split('\n'))
        if (text.trim() !== '') lines.push(JSON.parse(text) as LogLine);
      done();
    },
  });
  const logger = createLogger(level, sink);
  return { logger, lines, since: (from) => lines.slice(from) };
}

export const LEVEL = { debug: 20, info: 30, warn: 40, error: 50, fatal: 60 } as const;
