import {
  DriverAdapterError,
  type IsolationLevel,
  type SqlQuery,
  type SqlResultSet,
} from '@prisma/driver-adapter-utils';

/**
 * What the main thread and the PGlite worker say to each other. Every
 * request carries an id its reply repeats; a notification carries the id
 * of the listener it is for.
 */
export type WorkerRequest =
  | { op: 'query'; query: SqlQuery; tx: number | null }
  | { op: 'execute'; query: SqlQuery; tx: number | null }
  | { op: 'script'; script: string }
  | { op: 'begin'; isolationLevel: IsolationLevel | null }
  | { op: 'commit'; tx: number }
  | { op: 'rollback'; tx: number }
  | { op: 'rows'; sql: string; params: unknown[] }
  | { op: 'exec'; script: string }
  | { op: 'ping' }
  | { op: 'listen'; channel: string; listener: number }
  | { op: 'unlisten'; listener: number }
  | { op: 'close' };

/** What each request resolves to. */
export interface WorkerReplies {
  query: SqlResultSet;
  execute: number;
  script: undefined;
  begin: number;
  commit: undefined;
  rollback: undefined;
  rows: unknown[];
  exec: undefined;
  ping: undefined;
  listen: undefined;
  unlisten: undefined;
  close: undefined;
}

/** The reply to the start-up is id 0: the worker opens PGlite before it takes requests. */
export const READY_ID = 0;

export type WorkerMessage =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: WireError }
  | { notify: number; payload: string };

export interface WorkerStart {
  dataDir: string | null;
}

/**
 * An error as it crosses the thread boundary. A DriverAdapterError keeps
 * its cause, which Prisma and errors.ts read; any other error keeps its
 * name, message, stack and the scalar fields (PGlite's SQLSTATE `code`,
 * Node's errno `code`) that errors.ts classifies by.
 */
export type WireError =
  | { kind: 'driver'; cause: DriverAdapterError['cause'] }
  | { kind: 'error'; name: string; message: string; stack: string | undefined; fields: Record<string, Scalar> };

type Scalar = string | number | boolean | null;

export function toWire(error: unknown): WireError {
  if (error instanceof DriverAdapterError) return { kind: 'driver', cause: { ...error.cause } };
  if (!(error instanceof Error))
    return { kind: 'error', name: 'Error', message: String(error), stack: undefined, fields: {} };
  const fields: Record<string, Scalar> = {};
  for (const [key, value] of Object.entries(error)) {
    if (isScalar(value)) fields[key] = value;
  }
  return { kind: 'error', name: error.name, message: error.message, stack: error.stack, fields };
}

function isScalar(value: unknown): value is Scalar {
  return value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

export function fromWire(wire: WireError): Error {
  if (wire.kind === 'driver') return new DriverAdapterError(wire.cause);
  const error = Object.assign(new Error(wire.message), wire.fields);
  error.name = wire.name;
  if (wire.stack !== undefined) error.stack = wire.stack;
  return error;
}

/**
 * What every pending and later call gets once the worker is gone: a
 * server-shutdown SQLSTATE, so errors.ts reads it as "the database is
 * away" (57P02 for a crash, 57P01 after close) and Prisma passes it on as
 * a driver error rather than a bug of ours.
 */
export function workerGone(crashed: boolean, why: string): DriverAdapterError {
  return new DriverAdapterError({
    kind: 'postgres',
    code: crashed ? '57P02' : '57P01',
    severity: 'FATAL',
    message: crashed ? `the PGlite worker stopped: ${why}` : 'the database is closed',
    detail: undefined,
    column: undefined,
    hint: undefined,
  });
}
