import { describe, expect, it } from 'vitest';
import { editRefusal } from '../../src/features/updates/edit-rules.js';
import {
  defaultAgencyId,
  isOnBehalf,
  type Reporter,
  reportableAgencyIds,
} from '../../src/kernel/people/permissions.js';

const JD = 1;
const BFD = 2;
const UDI = 3;
const shared = [
  { agencyId: JD, role: 'LEAD' as const },
  { agencyId: BFD, role: 'PARTNER' as const },
];
const person = (role: Reporter['role'], agencyId: number | null): Reporter => ({ id: 7, role, agencyId });

describe('reportableAgencyIds', () => {
  it.each([
    ['a contact of the lead', person('CONTACT', JD), [JD]],
    ['a contact of a partner', person('CONTACT', BFD), [BFD]],
    ['a team lead of the lead', person('TEAM_LEAD', JD), [JD]],
    ['a contact of an agency with no part in it', person('CONTACT', UDI), []],
    ['a contact without an agency', person('CONTACT', null), []],
    ['a coordinator', person('COORDINATOR', null), [JD, BFD]],
    ['an admin with an agency of their own', person('ADMIN', UDI), [JD, BFD]],
  ])('%s', (_label, who, expected) => {
    expect(reportableAgencyIds(who, shared)).toEqual(expected);
  });

  it("defaults to one's own agency, else the lead", () => {
    expect(defaultAgencyId(person('CONTACT', BFD), shared)).toBe(BFD);
    expect(defaultAgencyId(person('COORDINATOR', null), shared)).toBe(JD);
    expect(defaultAgencyId(person('CONTACT', UDI), shared)).toBeNull();
  });

  it('marks a report for another agency as on behalf', () => {
    expect(isOnBehalf(person('COORDINATOR', null), JD)).toBe(true);
    expect(isOnBehalf(person('CONTACT', JD), JD)).toBe(false);
  });
});

describe('editRefusal', () => {
  const created = new Date('2004-03-01T08:00:00Z');
  const facts = { firstAuthorId: 7, firstCreatedAt: created, isLatestOfPair: true };
  const at = (ms: number) => new Date(created.getTime() + ms);

  it('allows the author within the window, to the millisecond', () => {
    expect(editRefusal({ id: 7 }, facts, at(7 * 86_400_000), 7)).toBeNull();
    expect(editRefusal({ id: 7 }, facts, at(7 * 86_400_000 + 1), 7)).toBe('edit_window');
  });

  it('refuses others and updates a newer one has replaced', () => {
    expect(editRefusal({ id: 8 }, facts, at(0), 7)).toBe('edit_not_own');
    expect(editRefusal({ id: 7 }, { ...facts, isLatestOfPair: false }, at(0), 7)).toBe('edit_not_latest');
  });
});
