/**
 * What went wrong with a database call, in the few kinds the services and
 * listeners act on. PGlite's adapter surfaces constraint failures as raw
 * DriverAdapterErrors (cause code 23505) while adapter-pg maps them to P2002;
 * callers ask here, so both databases look the same. Only codes are read
 * (Prisma's, SQLSTATE, the adapters' kinds, Node's errno), never messages.
 */
export type DbErrorKind = 'unique' | 'append_only' | 'not_found' | 'unavailable' | 'other';

/**
 * Prisma's codes for a database it cannot reach, log in to or get a
 * connection from: P1000 auth failed, P1001 unreachable, P1002 timed out,
 * P1003 no such database, P1008 operation timed out, P1010 access denied,
 * P1011 TLS, P1017 server closed the connection, P2024 pool timeout.
 */
const PRISMA_UNAVAILABLE = new Set(['P1000', 'P1001', 'P1002', 'P1003', 'P1008', 'P1010', 'P1011', 'P1017', 'P2024']);

/**
 * SQLSTATEs that say the database, not the request, is the problem. Class 08
 * is a lost connection. 57P01–03: the server is shutting down, crashed, or
 * not yet accepting (pg_terminate_backend gives 57P01). 28000/28P01: the
 * login is refused (a role set to NOLOGIN). 53xxx: out of connections, disk
 * or memory. 58030: an I/O error. 42501 is how PostgreSQL and PGlite report
 * a data file they may not open (an unwritable folder); for a role that has
 * lost its grants it is just as much an outage, since no request asks for rights.
 */
const SQLSTATE_UNAVAILABLE = new Set([
  '57P01',
  '57P02',
  '57P03',
  '28000',
  '28P01',
  '3D000',
  '53000',
  '53100',
  '53200',
  '53300',
  '58030',
  '42501',
]);

/** What @prisma/adapter-pg calls a connection failure (its DriverAdapterError cause's kind). */
const ADAPTER_UNAVAILABLE = new Set([
  'DatabaseNotReachable',
  'DatabaseDoesNotExist',
  'DatabaseAccessDenied',
  'AuthenticationFailed',
  'ConnectionClosed',
  'SocketTimeout',
  'TooManyConnections',
  'TlsConnectionError',
]);

/** Node's socket errors, when a driver passes one through unwrapped. */
const ERRNO_UNAVAILABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

export function dbErrorKind(error: unknown): DbErrorKind {
  const code = field(error, 'code');
  if (code === 'P2002') return 'unique';
  if (code === 'P2025') return 'not_found';
  if (typeof code === 'string' && PRISMA_UNAVAILABLE.has(code)) return 'unavailable';
  const signs = causeChain(error);
  const sqlState = signs.find((s) => s.sqlState !== undefined)?.sqlState;
  if (sqlState === '23505') return 'unique';
  if (sqlState === 'P0001') return 'append_only';
  if (sqlState !== undefined && (sqlState.startsWith('08') || SQLSTATE_UNAVAILABLE.has(sqlState))) return 'unavailable';
  if (signs.some((s) => s.unavailable)) return 'unavailable';
  return 'other';
}

export function isUniqueViolation(error: unknown): boolean {
  return dbErrorKind(error) === 'unique';
}

/** The database cannot serve anyone right now: the request itself is not at fault, and trying again later may work. */
export function isDatabaseUnavailable(error: unknown): boolean {
  return dbErrorKind(error) === 'unavailable';
}

interface Sign {
  sqlState?: string;
  unavailable: boolean;
}

/** Each error in the chain (cause, Prisma's meta.driverAdapterError) with what its codes say. */
function causeChain(error: unknown): Sign[] {
  const signs: Sign[] = [];
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current !== null && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const code = field(current, 'originalCode') ?? field(current, 'code');
    const kind = field(current, 'kind');
    signs.push({
      ...(isSqlState(code) ? { sqlState: code } : {}),
      unavailable:
        (typeof kind === 'string' && ADAPTER_UNAVAILABLE.has(kind)) ||
        (typeof code === 'string' && ERRNO_UNAVAILABLE.has(code)),
    });
    const meta = field(current, 'meta');
    const fromMeta = meta && typeof meta === 'object' ? field(meta, 'driverAdapterError') : undefined;
    current = fromMeta ?? field(current, 'cause');
  }
  return signs;
}

/** Five characters, but not Prisma's own P1000–P6999 (P0001 is PL/pgSQL's RAISE, which the append-only triggers use). */
function isSqlState(code: unknown): code is string {
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && !/^P[1-9]\d{3}$/.test(code);
}

function field(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
}
