import type { AgencyKind, Role } from '../../generated/prisma/enums.js';

// The fixed choices of the admin forms, shared by the views that offer them and the checks that read them back.

export const AGENCY_KINDS: readonly AgencyKind[] = ['MINISTRY', 'DIRECTORATE', 'MUNICIPAL', 'ORGANISATION', 'OTHER'];
export const ROLES: readonly Role[] = ['CONTACT', 'TEAM_LEAD', 'COORDINATOR', 'ADMIN'];

/** A select needs a value for "none" (no agency, no area, no lead, the plan's default day); no id is 0. */
export const NONE = '0';
