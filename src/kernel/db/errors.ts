/**
 * PGlite's adapter surfaces constraint failures as raw DriverAdapterErrors
 * (cause code 23505) while adapter-pg maps them to P2002. Callers ask here,
 * so both databases look the same to the services.
 */
export type DbErrorKind = 'unique' | 'append_only' | 'not_found' | 'other';

export function dbErrorKind(error: unknown): DbErrorKind {
  const code = field(error, 'code');
  if (code === 'P2002') return 'unique';
  if (code === 'P2025') return 'not_found';
  const sqlState = driverCode(error);
  if (sqlState === '23505') return 'unique';
  if (sqlState === 'P0001') return 'append_only';
  return 'other';
}

export function isUniqueViolation(error: unknown): boolean {
  return dbErrorKind(error) === 'unique';
}

function driverCode(error: unknown): string | undefined {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current !== null && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const code = field(current, 'originalCode') ?? field(current, 'code');
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    const meta = field(current, 'meta');
    const fromMeta = meta && typeof meta === 'object' ? field(meta, 'driverAdapterError') : undefined;
    current = fromMeta ?? field(current, 'cause');
  }
  return undefined;
}

function field(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
}
