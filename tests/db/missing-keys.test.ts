import { beforeEach, describe, expect, it } from 'vitest';
import { Prisma } from '../../src/generated/prisma/client.js';
import { seedPlan } from '../support/harness.js';
import { useTestDatabase } from '../support/lifecycle.js';

const db = useTestDatabase();

beforeEach(async () => {
  await seedPlan(db);
});

/**
 * What Bolt's types promise and what a forged payload holds: `user.id` is a
 * string to the compiler, and undefined at run time. Prisma would read
 * `where: { slackId: undefined }` as no filter; with strictUndefinedChecks
 * (prisma/schema.prisma) such a query throws instead of matching every row.
 */
const forged: { user: { id: string }; value: { m: number } } = JSON.parse('{"user":{},"value":{}}');

describe('a query whose key is missing', () => {
  it('throws rather than finding the first person in the plan', async () => {
    await expect(
      db.prisma.person.findFirst({ where: { slackId: forged.user.id, active: true } }),
    ).rejects.toBeInstanceOf(Prisma.PrismaClientValidationError);
  });

  it('throws rather than reading or changing every row', async () => {
    await expect(db.prisma.update.count({ where: { measureId: forged.value.m } })).rejects.toBeInstanceOf(
      Prisma.PrismaClientValidationError,
    );
    await expect(
      db.prisma.person.updateMany({ where: { slackId: forged.user.id }, data: { language: 'en' } }),
    ).rejects.toBeInstanceOf(Prisma.PrismaClientValidationError);
    expect(await db.prisma.person.count({ where: { language: 'en' } })).toBe(1);
  });
});
