import { stringify } from 'yaml';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { dayOf } from '../../kernel/calendar/calendar.js';
import { findPlan } from '../../kernel/db/plan.js';
import { focusAreas } from './focus-areas.js';
import type { PlanFileInput } from './plan-file.js';

const lower = <T extends string>(value: T) => value.toLowerCase() as Lowercase<T>;

/** The database as a plan file, in the same shape import reads; sorted by key. */
export async function exportPlan(prisma: PrismaClient): Promise<PlanFileInput> {
  const [plan, areas, agencies, people, measures] = await Promise.all([
    findPlan(prisma),
    focusAreas(prisma),
    prisma.agency.findMany({ orderBy: { code: 'asc' } }),
    prisma.person.findMany({ orderBy: { slackId: 'asc' }, include: { agency: { select: { code: true } } } }),
    prisma.measure.findMany({
      orderBy: { number: 'asc' },
      include: {
        focusArea: { select: { number: true } },
        agencies: { include: { agency: { select: { code: true } } } },
      },
    }),
  ]);
  if (plan === null) throw new Error('There is no plan in the database to export.');
  return {
    plan: {
      title_nb: plan.titleNb,
      title_en: plan.titleEn,
      start: dayOf(plan.startDate),
      end: dayOf(plan.endDate),
      ...(plan.budgetNok === null ? {} : { budget_nok: Number(plan.budgetNok) }),
      default_cadence_days: plan.defaultCadenceDays,
      digest_weekday: plan.digestWeekday,
      digest_time: plan.digestTime,
    },
    focus_areas: areas.map((a) => ({
      number: a.number,
      title_nb: a.titleNb,
      title_en: a.titleEn,
      ...(a.channel === null ? {} : { channel: a.channel }),
      ...(a.digestWeekday === null ? {} : { digest_weekday: a.digestWeekday }),
      ...(a.digestTime === null ? {} : { digest_time: a.digestTime }),
    })),
    agencies: agencies.map((a) => ({
      code: a.code,
      name_nb: a.nameNb,
      name_en: a.nameEn,
      kind: lower(a.kind),
      ...(a.teamLeadSlackId === null ? {} : { team_lead: a.teamLeadSlackId }),
    })),
    people: people.map((p) => ({
      slack_id: p.slackId,
      name: p.name,
      ...(p.agency === null ? {} : { agency: p.agency.code }),
      role: lower(p.role),
      language: p.language,
      ...(p.active ? {} : { active: false }),
    })),
    measures: measures.map((m) => {
      const lead = m.agencies.find((a) => a.role === 'LEAD');
      const partners = m.agencies
        .filter((a) => a.role === 'PARTNER')
        .map((a) => a.agency.code)
        .sort();
      return {
        number: m.number,
        ...(m.focusArea === null ? {} : { focus_area: m.focusArea.number }),
        title_nb: m.titleNb,
        title_en: m.titleEn,
        ...(m.description === null ? {} : { description: m.description }),
        ...(lead === undefined ? {} : { lead: lead.agency.code }),
        ...(partners.length === 0 ? {} : { partners }),
        ...(m.cadenceDays === null ? {} : { cadence_days: m.cadenceDays }),
        ...(m.deadline === null ? {} : { deadline: dayOf(m.deadline) }),
      };
    }),
  };
}

export async function exportPlanText(prisma: PrismaClient): Promise<string> {
  return stringify(await exportPlan(prisma), { lineWidth: 0 });
}
