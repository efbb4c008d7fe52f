import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import { type Logger as PinoLogger, pino } from 'pino';

export type Logger = PinoLogger;

/** Field names whose values never reach a log line, wherever they are nested. */
const SECRET_KEYS = [
  'token',
  'botToken',
  'appToken',
  'signingSecret',
  'authorization',
  'SLACK_BOT_TOKEN',
  'SLACK_SIGNING_SECRET',
  'SLACK_APP_TOKEN',
  'DATABASE_URL',
];

export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  const redact = SECRET_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`, `headers.${k}`]);
  const options = {
    level,
    base: { app: 'tiltak' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: redact, censor: '[redacted]' },
  };
  return destination ? pino(options, destination) : pino(options);
}

/** Bolt logs through our logger, so its lines are JSON with the same redaction. */
export function boltLogger(logger: Logger): BoltLogger {
  let name = 'bolt';
  let child = logger.child({ component: name });
  const toBolt: Record<string, LogLevel> = {
    debug: LogLevel.DEBUG,
    info: LogLevel.INFO,
    warn: LogLevel.WARN,
    error: LogLevel.ERROR,
  };
  const text = (msg: unknown[]) => msg.map((m) => (typeof m === 'string' ? m : scrub(m))).join(' ');
  return {
    debug: (...msg) => child.debug(text(msg)),
    info: (...msg) => child.info(text(msg)),
    warn: (...msg) => child.warn(text(msg)),
    error: (...msg) => child.error(text(msg)),
    setLevel: () => undefined, // LOG_LEVEL governs; Bolt may not override it.
    getLevel: () => toBolt[logger.level] ?? LogLevel.INFO,
    setName: (n) => {
      name = n;
      child = logger.child({ component: name });
    },
  };
}

const TOKEN_PATTERN = /\b(xox[abpr]|xapp)-[A-Za-z0-9-]+/g;

/** Bolt passes whole objects (errors, requests); tokens inside them are masked. */
function scrub(value: unknown): string {
  let rendered: string;
  if (value instanceof Error) rendered = `${value.name}: ${value.message}`;
  else {
    try {
      rendered = JSON.stringify(value) ?? String(value);
    } catch {
      rendered = String(value);
    }
  }
  return rendered.replace(TOKEN_PATTERN, '$1-[redacted]');
}
