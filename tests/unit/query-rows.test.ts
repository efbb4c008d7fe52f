import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { queryRows } from '../../src/kernel/db/rows.js';

const returning = (rows: unknown[]) => ({ $queryRawUnsafe: async () => rows }) as never;
const row = z.object({ measureId: z.number(), openedAt: z.date() });

describe('raw query rows', () => {
  it('come back typed when they have the expected columns', async () => {
    const at = new Date('2004-01-05T10:00:00Z');
    expect(await queryRows(returning([{ measureId: 1, openedAt: at }]), row, 'SELECT …')).toEqual([
      { measureId: 1, openedAt: at },
    ]);
  });

  it('fail loudly when a column was renamed or changed its type', async () => {
    await expect(queryRows(returning([{ measure_id: 1, openedAt: new Date() }]), row, 'SELECT …')).rejects.toThrow(
      /measureId/,
    );
    await expect(queryRows(returning([{ measureId: 1, openedAt: '2004-01-05' }]), row, 'SELECT …')).rejects.toThrow(
      /openedAt/,
    );
  });
});
