import { describe, expect, it } from 'vitest';
import { dbErrorKind, isUniqueViolation } from '../../src/kernel/db/errors.js';
import { useTestDatabase } from '../support/lifecycle.js';

const db = useTestDatabase();

async function seedUpdate() {
  const agency = await db.prisma.agency.create({
    data: { code: 'JD', nameNb: 'Justis', nameEn: 'Justice', kind: 'MINISTRY' },
  });
  const person = await db.prisma.person.create({
    data: { slackId: 'U1', name: 'Kari', role: 'CONTACT', agencyId: agency.id },
  });
  const measure = await db.prisma.measure.create({ data: { number: 1, titleNb: 'T', titleEn: 'T' } });
  return db.prisma.update.create({
    data: {
      seriesId: 's1',
      version: 1,
      measureId: measure.id,
      agencyId: agency.id,
      authorId: person.id,
      status: 'ON_TRACK',
      done: 'Startet arbeidet',
      periodDate: new Date('2004-03-01'),
    },
  });
}

describe('records that must never change', () => {
  it('refuses to change an update in place', async () => {
    const update = await seedUpdate();
    const error = await db.prisma.update
      .update({ where: { id: update.id }, data: { done: 'rewritten' } })
      .catch((e: unknown) => e);
    expect(dbErrorKind(error)).toBe('append_only');
    expect((await db.prisma.update.findUniqueOrThrow({ where: { id: update.id } })).done).toBe('Startet arbeidet');
  });

  it('refuses to delete an update or an audit entry', async () => {
    const update = await seedUpdate();
    await db.prisma.auditLog.create({
      data: { actor: 'U1', action: 'x', entity: 'update', entityId: String(update.id) },
    });
    expect(dbErrorKind(await db.prisma.update.delete({ where: { id: update.id } }).catch((e: unknown) => e))).toBe(
      'append_only',
    );
    expect(dbErrorKind(await db.prisma.auditLog.deleteMany({}).catch((e: unknown) => e))).toBe('append_only');
    expect(await db.prisma.auditLog.count()).toBe(1);
  });

  it('reports a duplicate version the same way on every database', async () => {
    const update = await seedUpdate();
    const { id: _id, createdAt: _c, ...copy } = update;
    const error = await db.prisma.update.create({ data: copy }).catch((e: unknown) => e);
    expect(isUniqueViolation(error)).toBe(true);
  });
});
