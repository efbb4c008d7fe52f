import type { ResponsibilityRole, Role } from '../../generated/prisma/enums.js';

/** The parts of a person that decide what they may report on. */
export interface Reporter {
  id: number;
  role: Role;
  agencyId: number | null;
}

export interface Responsibility {
  agencyId: number;
  role: ResponsibilityRole;
}

/** Coordinators and admins follow the whole plan and may report on behalf of any agency. */
export function seesWholePlan(person: Pick<Reporter, 'role'>): boolean {
  return person.role === 'COORDINATOR' || person.role === 'ADMIN';
}

/**
 * The agencies a person may report for on one measure: their own agency when
 * it is lead or partner, every responsible agency for coordinators and
 * admins, and nothing for anyone else. One rule for commands, buttons and
 * submissions, so a forged payload meets the same check as a real one.
 */
export function reportableAgencyIds(person: Reporter, responsibilities: readonly Responsibility[]): number[] {
  const responsible = responsibilities.map((r) => r.agencyId);
  if (seesWholePlan(person)) return responsible;
  return person.agencyId !== null && responsible.includes(person.agencyId) ? [person.agencyId] : [];
}

export function mayReportFor(person: Reporter, responsibilities: readonly Responsibility[], agencyId: number): boolean {
  return reportableAgencyIds(person, responsibilities).includes(agencyId);
}

/** True when the record must say a coordinator or admin spoke for the agency. */
export function isOnBehalf(person: Reporter, agencyId: number): boolean {
  return person.agencyId !== agencyId;
}

/** The agency a new update is for when the form did not name one: one's own, else the lead. */
export function defaultAgencyId(person: Reporter, responsibilities: readonly Responsibility[]): number | null {
  const allowed = reportableAgencyIds(person, responsibilities);
  if (person.agencyId !== null && allowed.includes(person.agencyId)) return person.agencyId;
  const lead = responsibilities.find((r) => r.role === 'LEAD' && allowed.includes(r.agencyId));
  return lead?.agencyId ?? allowed[0] ?? null;
}
