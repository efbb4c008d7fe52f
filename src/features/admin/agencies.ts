import type { Agency, Prisma, PrismaClient } from '../../generated/prisma/client.js';
import type { AgencyKind } from '../../generated/prisma/enums.js';
import { writeAudit } from '../../kernel/db/audit.js';
import type { PersonWithAgency } from '../../kernel/people/people.js';
import { parseSlackUserId, type SlackUserId } from '../../kernel/slack/slack-user-id.js';
import { AGENCY_KINDS } from './choices.js';
import { ids } from './contract.js';
import { type FieldErrors, type FormValues, NAME_LIMIT, requiredText } from './form-values.js';

const CODE = /^[A-ZÆØÅ0-9][A-ZÆØÅ0-9-]{0,15}$/u;

export interface AgencyInput {
  code: string;
  nameNb: string;
  nameEn: string;
  kind: AgencyKind;
  teamLeadSlackId: SlackUserId | null;
}

export type Checked<T> = { ok: true; input: T } | { ok: false; errors: FieldErrors };

/** Pure: the agency form, checked field by field. */
export function checkAgencyForm(form: FormValues): Checked<AgencyInput> {
  const b = ids.blocks.agency;
  const errors: FieldErrors = {};
  const typedCode = form.text(b.code)?.toUpperCase() ?? null;
  if (typedCode === null) errors[b.code] = (m) => m.admin.errors.required;
  else if (!CODE.test(typedCode)) errors[b.code] = (m) => m.admin.errors.codeFormat;
  const nameNb = requiredText(form, b.nameNb, NAME_LIMIT, errors);
  const nameEn = requiredText(form, b.nameEn, NAME_LIMIT, errors);
  const kind = AGENCY_KINDS.find((k) => k === form.option(b.kind));
  if (kind === undefined) errors[b.kind] = (m) => m.admin.errors.choose;
  const lead = form.user(b.teamLead);
  const teamLeadSlackId = lead === null ? null : parseSlackUserId(lead);
  if (lead !== null && teamLeadSlackId === null) errors[b.teamLead] = (m) => m.admin.errors.userUnknown;
  if (Object.keys(errors).length > 0 || typedCode === null || nameNb === null || nameEn === null || !kind)
    return { ok: false, errors };
  return { ok: true, input: { code: typedCode, nameNb, nameEn, kind, teamLeadSlackId } };
}

export function listAgencies(prisma: PrismaClient): Promise<Agency[]> {
  return prisma.agency.findMany({ orderBy: { code: 'asc' } });
}

export function findAgencyByCode(prisma: PrismaClient, code: string): Promise<Agency | null> {
  return prisma.agency.findUnique({ where: { code: code.toUpperCase() } });
}

export function findAgency(prisma: PrismaClient, agencyId: number): Promise<Agency | null> {
  return prisma.agency.findUnique({ where: { id: agencyId } });
}

const snapshot = (a: Agency): Prisma.InputJsonObject => ({
  code: a.code,
  nameNb: a.nameNb,
  nameEn: a.nameEn,
  kind: a.kind,
  teamLeadSlackId: a.teamLeadSlackId,
});

export type SaveResult = { kind: 'saved'; label: string } | { kind: 'invalid'; errors: FieldErrors } | { kind: 'gone' };

/** Adds (agencyId 0) or edits an agency with its audit line, in one transaction; a code in use is a field error. */
export async function saveAgency(
  prisma: PrismaClient,
  actor: PersonWithAgency,
  agencyId: number,
  input: AgencyInput,
  at: Date,
): Promise<SaveResult> {
  return prisma.$transaction(async (tx): Promise<SaveResult> => {
    const before = agencyId === 0 ? null : await tx.agency.findUnique({ where: { id: agencyId } });
    if (agencyId !== 0 && before === null) return { kind: 'gone' };
    const holder = await tx.agency.findUnique({ where: { code: input.code } });
    if (holder !== null && holder.id !== agencyId)
      return { kind: 'invalid', errors: { [ids.blocks.agency.code]: (m) => m.admin.errors.codeTaken(input.code) } };
    const after =
      before === null
        ? await tx.agency.create({ data: input })
        : await tx.agency.update({ where: { id: before.id }, data: input });
    await writeAudit(tx, {
      actor: actor.slackId,
      action: before === null ? 'agency.create' : 'agency.update',
      entity: 'Agency',
      entityId: String(after.id),
      before: before === null ? null : snapshot(before),
      after: snapshot(after),
      at,
    });
    return { kind: 'saved', label: after.code };
  });
}
