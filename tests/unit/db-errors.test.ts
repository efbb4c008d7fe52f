import { describe, expect, it } from 'vitest';
import { dbErrorKind, isDatabaseUnavailable } from '../../src/kernel/db/errors.js';

// The shapes below are what Prisma 6 and its two adapters threw in tests/reliability/database-down*.test.ts.
const adapterError = (cause: Record<string, unknown>) =>
  Object.assign(new Error(String(cause.kind)), { name: 'DriverAdapterError', cause });
const prismaKnown = (code: string, driverAdapterError?: unknown) =>
  Object.assign(new Error('Invalid invocation'), {
    name: 'PrismaClientKnownRequestError',
    code,
    meta: driverAdapterError === undefined ? {} : { driverAdapterError },
  });

describe('which database errors mean "the database is away"', () => {
  it('a session ended by pg_terminate_backend (57P01), as adapter-pg raises it mid-query and Prisma wraps it', () => {
    const terminated = adapterError({ kind: 'postgres', code: '57P01', originalCode: '57P01', severity: 'FATAL' });
    expect(isDatabaseUnavailable(terminated)).toBe(true);
    expect(isDatabaseUnavailable(prismaKnown('P2010', terminated))).toBe(true);
  });

  it('a role that may not log in (28000, Prisma P1010), an unreachable server and a lost socket', () => {
    expect(
      isDatabaseUnavailable(
        prismaKnown('P1010', adapterError({ kind: 'DatabaseAccessDenied', originalCode: '28000' })),
      ),
    ).toBe(true);
    expect(
      isDatabaseUnavailable(Object.assign(new Error('role cannot log in'), { code: '28000', severity: 'FATAL' })),
    ).toBe(true);
    expect(isDatabaseUnavailable(adapterError({ kind: 'DatabaseNotReachable', host: '127.0.0.1', port: 5432 }))).toBe(
      true,
    );
    expect(
      isDatabaseUnavailable(
        Object.assign(new Error('connect'), { code: 'ECONNREFUSED', errno: -111, syscall: 'connect' }),
      ),
    ).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('x'), { code: '08006' }))).toBe(true);
  });

  it('PGlite on a folder it may not write (42501 from the data file) or a full disk (53100)', () => {
    expect(isDatabaseUnavailable(adapterError({ kind: 'postgres', code: '42501', severity: 'ERROR' }))).toBe(true);
    expect(isDatabaseUnavailable(adapterError({ kind: 'postgres', code: '53100', severity: 'ERROR' }))).toBe(true);
  });

  it('not a constraint, a missing row, a bad query or our own bug', () => {
    expect(dbErrorKind(prismaKnown('P2002'))).toBe('unique');
    expect(dbErrorKind(adapterError({ kind: 'postgres', code: '23505' }))).toBe('unique');
    expect(dbErrorKind(prismaKnown('P2025'))).toBe('not_found');
    expect(isDatabaseUnavailable(adapterError({ kind: 'postgres', code: '22P02' }))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});
