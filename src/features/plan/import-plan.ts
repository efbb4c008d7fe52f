import type { Prisma, PrismaClient } from '../../generated/prisma/client.js';
import { PLAN_ID } from '../../kernel/db/plan.js';
import type { ResolvedPlanFile } from './plan-file.js';
import { type LookupEmail, resolvePeople } from './resolve-people.js';
import { validatePlanText } from './validate-plan.js';

interface ImportSummary {
  focusAreas: number;
  agencies: number;
  people: number;
  measures: number;
}

export type ImportResult = { ok: true; summary: ImportSummary } | { ok: false; errors: string[] };

type Tx = Prisma.TransactionClient;

const upper = <T extends string>(value: T) => value.toUpperCase() as Uppercase<T>;
const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

/**
 * Loads a plan file. Entries are matched on their keys (focus area number,
 * agency code, Slack ID, measure number), so a re-import updates in place and
 * never duplicates. Nothing is deleted: a measure's responsible agencies are
 * replaced by the file's list, everything else absent from the file is kept.
 * Validation finds every error first; then all is written in one transaction.
 */
export async function importPlanText(
  prisma: PrismaClient,
  text: string,
  actor = 'plan-import',
  lookupEmail: LookupEmail | null = null,
): Promise<ImportResult> {
  const checked = await checkPlanText(text, lookupEmail);
  if (!checked.ok) return checked;
  const summary = await prisma.$transaction((tx) => writePlan(tx, checked.plan, actor), { timeout: 60_000 });
  return { ok: true, summary };
}

/** Everything the import checks before it writes: the file itself, then the e-mail addresses in Slack. */
export async function checkPlanText(
  text: string,
  lookupEmail: LookupEmail | null,
): Promise<{ ok: true; plan: ResolvedPlanFile } | { ok: false; errors: string[] }> {
  const validation = validatePlanText(text);
  if (!validation.ok) return validation;
  return resolvePeople(validation.plan, lookupEmail);
}

async function writePlan(tx: Tx, file: ResolvedPlanFile, actor: string): Promise<ImportSummary> {
  const plan = {
    titleNb: file.plan.title_nb,
    titleEn: file.plan.title_en,
    startDate: day(file.plan.start),
    endDate: day(file.plan.end),
    budgetNok: file.plan.budget_nok === undefined ? null : BigInt(file.plan.budget_nok),
    defaultCadenceDays: file.plan.default_cadence_days ?? 14,
    digestWeekday: file.plan.digest_weekday ?? 1,
    digestTime: file.plan.digest_time ?? '08:00',
  };
  await tx.plan.upsert({ where: { id: PLAN_ID }, create: plan, update: plan });

  const areaIds = new Map<number, number>();
  for (const area of file.focus_areas) {
    const data = {
      titleNb: area.title_nb,
      titleEn: area.title_en,
      channel: area.channel ?? null,
      digestWeekday: area.digest_weekday ?? null,
      digestTime: area.digest_time ?? null,
    };
    const row = await tx.focusArea.upsert({
      where: { number: area.number },
      create: { number: area.number, ...data },
      update: data,
    });
    areaIds.set(area.number, row.id);
  }

  const agencyIds = new Map<string, number>();
  for (const agency of file.agencies) {
    const data = {
      nameNb: agency.name_nb,
      nameEn: agency.name_en,
      kind: upper(agency.kind),
      teamLeadSlackId: agency.team_lead ?? null,
    };
    const row = await tx.agency.upsert({
      where: { code: agency.code },
      create: { code: agency.code, ...data },
      update: data,
    });
    agencyIds.set(agency.code, row.id);
  }

  for (const person of file.people) {
    const data = {
      name: person.name,
      agencyId: person.agency === undefined ? null : (agencyIds.get(person.agency) ?? null),
      role: upper(person.role),
      language: person.language,
      active: person.active,
    };
    await tx.person.upsert({
      where: { slackId: person.slack_id },
      create: { slackId: person.slack_id, ...data },
      update: data,
    });
  }

  for (const measure of file.measures) {
    const data = {
      focusAreaId: measure.focus_area === undefined ? null : (areaIds.get(measure.focus_area) ?? null),
      titleNb: measure.title_nb,
      titleEn: measure.title_en,
      description: measure.description ?? null,
      cadenceDays: measure.cadence_days ?? null,
      deadline: measure.deadline === undefined ? null : day(measure.deadline),
    };
    const row = await tx.measure.upsert({
      where: { number: measure.number },
      create: { number: measure.number, ...data },
      update: data,
    });
    const responsible = [
      ...(measure.lead === undefined ? [] : [{ code: measure.lead, role: 'LEAD' as const }]),
      ...measure.partners.map((code) => ({ code, role: 'PARTNER' as const })),
    ];
    await tx.measureAgency.deleteMany({ where: { measureId: row.id } });
    if (responsible.length > 0) {
      await tx.measureAgency.createMany({
        data: responsible.map((r) => ({ measureId: row.id, agencyId: agencyIds.get(r.code) as number, role: r.role })),
      });
    }
  }

  const summary = {
    focusAreas: file.focus_areas.length,
    agencies: file.agencies.length,
    people: file.people.length,
    measures: file.measures.length,
  };
  await tx.auditLog.create({
    data: { actor, action: 'plan.import', entity: 'plan', entityId: '1', after: summary },
  });
  return summary;
}
