import type { Measure, Prisma, PrismaClient } from '../../generated/prisma/client.js';
import { writeAudit } from '../../kernel/db/audit.js';
import type { PersonWithAgency } from '../../kernel/people/people.js';
import { readWholeNumber } from '../../kernel/text/whole-number.js';
import { MAX_MEASURE_NUMBER } from '../plan/index.js';
import type { Checked } from './agencies.js';
import { NONE } from './choices.js';
import { ids } from './contract.js';
import { DESCRIPTION_LIMIT, type FieldErrors, type FormValues, NAME_LIMIT, requiredText } from './form-values.js';

/** A year: longer than any reporting cadence a plan would set. */
const CADENCE_MAX = 366;

export interface MeasureInput {
  /** Typed on a new measure only; an edit keeps its number. */
  number: number | null;
  titleNb: string;
  titleEn: string;
  description: string | null;
  focusAreaId: number | null;
  leadId: number | null;
  partnerIds: number[];
  cadenceDays: number | null;
  deadline: Date | null;
}

function idOf(value: string | null): number | 'bad' | null {
  if (value === null || value === NONE) return null;
  const read = readWholeNumber(value, { min: 1 });
  return read.ok ? read.value : 'bad';
}

/** Pure: the measure form, checked field by field. */
export function checkMeasureForm(form: FormValues, isNew: boolean): Checked<MeasureInput> {
  const b = ids.blocks.measure;
  const errors: FieldErrors = {};
  let number: number | null = null;
  if (isNew) {
    const read = readWholeNumber(form.text(b.number), { min: 1, max: MAX_MEASURE_NUMBER });
    if (read.ok) number = read.value;
    else errors[b.number] = (m) => m.admin.errors.numberFormat;
  }
  const titleNb = requiredText(form, b.titleNb, NAME_LIMIT, errors);
  const titleEn = requiredText(form, b.titleEn, NAME_LIMIT, errors);
  const description = form.text(b.description);
  if (description !== null && description.length > DESCRIPTION_LIMIT)
    errors[b.description] = (m) => m.admin.errors.tooLong(DESCRIPTION_LIMIT);
  const focusAreaId = idOf(form.option(b.area));
  if (focusAreaId === 'bad') errors[b.area] = (m) => m.admin.errors.choose;
  const leadId = idOf(form.option(b.lead));
  if (leadId === 'bad') errors[b.lead] = (m) => m.admin.errors.choose;
  const partners = form.options(b.partners).map((v) => idOf(v));
  if (partners.some((p) => p === 'bad' || p === null)) errors[b.partners] = (m) => m.admin.errors.choose;
  const partnerIds = [...new Set(partners.filter((p): p is number => typeof p === 'number'))];
  if (typeof leadId === 'number' && partnerIds.includes(leadId))
    errors[b.partners] = (m) => m.admin.errors.partnerIsLead;
  const cadenceText = form.text(b.cadence);
  let cadenceDays: number | null = null;
  if (cadenceText !== null) {
    const read = readWholeNumber(cadenceText, { min: 1, max: CADENCE_MAX });
    if (read.ok) cadenceDays = read.value;
    else errors[b.cadence] = (m) => m.admin.errors.cadence;
  }
  const deadlineText = form.date(b.deadline);
  const deadline =
    deadlineText !== null && /^\d{4}-\d{2}-\d{2}$/u.test(deadlineText) ? new Date(`${deadlineText}T00:00:00Z`) : null;
  if (deadlineText !== null && (deadline === null || Number.isNaN(deadline.getTime())))
    errors[b.deadline] = (m) => m.admin.errors.choose;
  if (
    Object.keys(errors).length > 0 ||
    titleNb === null ||
    titleEn === null ||
    focusAreaId === 'bad' ||
    leadId === 'bad'
  )
    return { ok: false, errors };
  return {
    ok: true,
    input: { number, titleNb, titleEn, description, focusAreaId, leadId, partnerIds, cadenceDays, deadline },
  };
}

/** What the measure form shows: the measure (null for a new one), and what its selects offer. */
export async function loadMeasureForm(prisma: PrismaClient, measureNumber: number | null) {
  const [measure, areas, agencies] = await Promise.all([
    measureNumber === null
      ? null
      : prisma.measure.findUnique({
          where: { number: measureNumber },
          include: { agencies: true, _count: { select: { updates: true } } },
        }),
    prisma.focusArea.findMany({ orderBy: { number: 'asc' } }),
    prisma.agency.findMany({ orderBy: { code: 'asc' } }),
  ]);
  const next =
    measureNumber === null ? ((await prisma.measure.aggregate({ _max: { number: true } }))._max.number ?? 0) + 1 : null;
  return { measure, areas, agencies, nextNumber: next };
}
export type MeasureForm = Awaited<ReturnType<typeof loadMeasureForm>>;

type MeasureWithLinks = Measure & { agencies: { agencyId: number; role: 'LEAD' | 'PARTNER' }[] };

const snapshot = (m: MeasureWithLinks): Prisma.InputJsonObject => ({
  number: m.number,
  titleNb: m.titleNb,
  titleEn: m.titleEn,
  description: m.description,
  focusAreaId: m.focusAreaId,
  cadenceDays: m.cadenceDays,
  deadline: m.deadline === null ? null : m.deadline.toISOString().slice(0, 10),
  archivedAt: m.archivedAt === null ? null : m.archivedAt.toISOString(),
  lead: m.agencies.filter((a) => a.role === 'LEAD').map((a) => a.agencyId),
  partners: m.agencies
    .filter((a) => a.role === 'PARTNER')
    .map((a) => a.agencyId)
    .sort((x, y) => x - y),
});

export type MeasureSaveResult =
  | { kind: 'saved'; number: number }
  | { kind: 'invalid'; errors: FieldErrors }
  | { kind: 'gone' };

/** Adds (measureId 0) or edits a measure and its responsible agencies, with the audit line, in one transaction. */
export async function saveMeasure(
  prisma: PrismaClient,
  actor: PersonWithAgency,
  measureId: number,
  input: MeasureInput,
  at: Date,
): Promise<MeasureSaveResult> {
  const b = ids.blocks.measure;
  return prisma.$transaction(async (tx): Promise<MeasureSaveResult> => {
    const include = { agencies: { select: { agencyId: true, role: true } } } as const;
    const before = measureId === 0 ? null : await tx.measure.findUnique({ where: { id: measureId }, include });
    if (measureId !== 0 && before === null) return { kind: 'gone' };
    if (before === null && input.number !== null) {
      const taken = await tx.measure.findUnique({ where: { number: input.number }, select: { id: true } });
      const n = input.number;
      if (taken !== null) return { kind: 'invalid', errors: { [b.number]: (m) => m.admin.errors.numberTaken(n) } };
    }
    const named = [...(input.leadId === null ? [] : [input.leadId]), ...input.partnerIds];
    if (input.focusAreaId !== null && (await tx.focusArea.count({ where: { id: input.focusAreaId } })) === 0)
      return { kind: 'invalid', errors: { [b.area]: (m) => m.admin.errors.choose } };
    if ((await tx.agency.count({ where: { id: { in: named } } })) !== named.length)
      return { kind: 'invalid', errors: { [b.partners]: (m) => m.admin.errors.choose } };
    const data = {
      titleNb: input.titleNb,
      titleEn: input.titleEn,
      description: input.description,
      focusAreaId: input.focusAreaId,
      cadenceDays: input.cadenceDays,
      deadline: input.deadline,
    };
    const saved =
      before === null
        ? await tx.measure.create({ data: { ...data, number: input.number ?? 0 } })
        : await tx.measure.update({ where: { id: before.id }, data });
    await tx.measureAgency.deleteMany({ where: { measureId: saved.id } });
    await tx.measureAgency.createMany({
      data: [
        ...(input.leadId === null ? [] : [{ measureId: saved.id, agencyId: input.leadId, role: 'LEAD' as const }]),
        ...input.partnerIds.map((agencyId) => ({ measureId: saved.id, agencyId, role: 'PARTNER' as const })),
      ],
    });
    const after = await tx.measure.findUniqueOrThrow({ where: { id: saved.id }, include });
    await writeAudit(tx, {
      actor: actor.slackId,
      action: before === null ? 'measure.create' : 'measure.update',
      entity: 'Measure',
      entityId: String(after.id),
      before: before === null ? null : snapshot(before),
      after: snapshot(after),
      at,
    });
    return { kind: 'saved', number: after.number };
  });
}

export type LifecycleResult =
  | { kind: 'archived' | 'unarchived' | 'deleted'; number: number }
  | { kind: 'hasUpdates'; number: number }
  | { kind: 'gone' };

/**
 * Archives, restores or deletes a measure, with the audit line. A measure
 * with updates is never deleted: its reports are records; it can be archived.
 */
export async function changeMeasureLifecycle(
  prisma: PrismaClient,
  actor: PersonWithAgency,
  measureId: number,
  change: 'archive' | 'unarchive' | 'delete',
  at: Date,
): Promise<LifecycleResult> {
  return prisma.$transaction(async (tx): Promise<LifecycleResult> => {
    const include = { agencies: { select: { agencyId: true, role: true } } } as const;
    const before = await tx.measure.findUnique({ where: { id: measureId }, include });
    if (before === null) return { kind: 'gone' };
    const audit = (action: string, after: Prisma.InputJsonObject | null) =>
      writeAudit(tx, {
        actor: actor.slackId,
        action,
        entity: 'Measure',
        entityId: String(before.id),
        before: snapshot(before),
        after,
        at,
      });
    if (change === 'delete') {
      if ((await tx.update.count({ where: { measureId } })) > 0) return { kind: 'hasUpdates', number: before.number };
      // What hangs on the measure without being a report goes with it: links, waivers, snoozes and reminder rows.
      await tx.measureAgency.deleteMany({ where: { measureId } });
      await tx.periodWaiver.deleteMany({ where: { measureId } });
      await tx.snooze.deleteMany({ where: { measureId } });
      await tx.reminderLedger.deleteMany({ where: { measureId } });
      await tx.measure.delete({ where: { id: measureId } });
      await audit('measure.delete', null);
      return { kind: 'deleted', number: before.number };
    }
    const archivedAt = change === 'archive' ? (before.archivedAt ?? at) : null;
    const after = await tx.measure.update({ where: { id: measureId }, data: { archivedAt }, include });
    await audit(change === 'archive' ? 'measure.archive' : 'measure.unarchive', snapshot(after));
    return { kind: change === 'archive' ? 'archived' : 'unarchived', number: before.number };
  });
}
