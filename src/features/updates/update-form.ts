import { randomUUID } from 'node:crypto';
import type { Update } from '../../generated/prisma/client.js';
import type { ResponsibilityRole } from '../../generated/prisma/enums.js';
import type { Deps } from '../../kernel/deps.js';
import type { PersonWithAgency } from '../../kernel/people/people.js';
import { defaultAgencyId, reportableAgencyIds } from '../../kernel/people/permissions.js';
import {
  findMeasureById,
  findMeasureByNumber,
  type MeasureRef,
  type MeasureWithAgencies,
  measuresOfAgency,
} from '../plan/index.js';
import { type EditRefusal, editRefusal } from './edit-rules.js';
import { periodBounds } from './period-bounds.js';
import type { PeriodBounds } from './update-draft.js';
import { latestOfPair, loadSeries } from './update-queries.js';

export interface UpdateFormRequest {
  measureNumber?: number | undefined;
  /** By id: a select in the modal sends ids, not numbers. */
  measureId?: number | undefined;
  agencyId?: number | undefined;
  /** The series to edit. */
  editOf?: string | undefined;
}

export interface AgencyChoice {
  id: number;
  code: string;
  nameNb: string;
  nameEn: string;
  role: ResponsibilityRole;
}

export interface UpdateForm {
  seriesId: string;
  /** 0 for a new update, else the version being edited. */
  baseVersion: number;
  measure: MeasureRef;
  /** The measures the user may switch to; empty when the measure is fixed. */
  measureChoices: MeasureRef[];
  agency: AgencyChoice;
  /** The agencies a coordinator may speak for; empty when the agency is fixed. */
  agencyChoices: AgencyChoice[];
  /** The agency's latest update (new), or the version being edited. */
  prefill: Update | null;
  bounds: PeriodBounds;
  today: string;
}

export type FormRefusal = 'no_measure' | 'not_allowed' | 'nothing_to_report' | 'no_series' | EditRefusal;
export type FormResult = { kind: 'form'; form: UpdateForm } | { kind: 'refused'; reason: FormRefusal };

/** The most measures a select may offer (Slack's limit). */
const MAX_CHOICES = 100;

/** Everything the update modal needs, with the same rights check the submission meets. */
export async function loadUpdateForm(
  deps: Deps,
  person: PersonWithAgency,
  request: UpdateFormRequest,
): Promise<FormResult> {
  if (request.editOf !== undefined) return loadEditForm(deps, person, request.editOf);
  const { prisma } = deps;
  const ownMeasures = person.agencyId === null ? [] : await measuresOfAgency(prisma, person.agencyId, deps.reference);
  let measure: MeasureWithAgencies | null;
  if (request.measureId !== undefined) measure = await findMeasureById(prisma, request.measureId, deps.reference);
  else if (request.measureNumber !== undefined)
    measure = await findMeasureByNumber(prisma, request.measureNumber, deps.reference);
  else {
    const first = ownMeasures[0];
    if (first === undefined) return { kind: 'refused', reason: 'nothing_to_report' };
    measure = await findMeasureById(prisma, first.id, deps.reference);
  }
  if (measure === null) return { kind: 'refused', reason: 'no_measure' };
  const allowed = reportableAgencyIds(person, measure.agencies);
  const agencyId =
    request.agencyId !== undefined && allowed.includes(request.agencyId)
      ? request.agencyId
      : defaultAgencyId(person, measure.agencies);
  if (agencyId === null) return { kind: 'refused', reason: 'not_allowed' };

  const choices =
    allowed.length > 1 ? measure.agencies.filter((a) => allowed.includes(a.agencyId)).map(agencyChoice) : [];
  const agency = measure.agencies.find((a) => a.agencyId === agencyId);
  if (agency === undefined) return { kind: 'refused', reason: 'not_allowed' };
  const [prefill, { today, ...bounds }] = await Promise.all([
    latestOfPair(prisma, measure.id, agencyId, deps.reference),
    periodBounds(deps),
  ]);
  const measureChoices =
    ownMeasures.length > 1 && ownMeasures.some((m) => m.id === measure.id) ? around(ownMeasures, measure.id) : [];
  return {
    kind: 'form',
    form: {
      seriesId: randomUUID(),
      baseVersion: 0,
      measure: ref(measure),
      measureChoices,
      agency: agencyChoice(agency),
      agencyChoices: choices,
      prefill,
      bounds,
      today,
    },
  };
}

async function loadEditForm(deps: Deps, person: PersonWithAgency, seriesId: string): Promise<FormResult> {
  const { prisma } = deps;
  const series = await loadSeries(prisma, seriesId);
  const first = series.at(0);
  const last = series.at(-1);
  if (first === undefined || last === undefined) return { kind: 'refused', reason: 'no_series' };
  const [measure, newest, { today, ...bounds }] = await Promise.all([
    findMeasureById(prisma, last.measureId),
    latestOfPair(prisma, last.measureId, last.agencyId),
    periodBounds(deps),
  ]);
  if (measure === null) return { kind: 'refused', reason: 'no_measure' };
  const facts = {
    firstAuthorId: first.authorId,
    firstCreatedAt: first.createdAt,
    isLatestOfPair: newest?.seriesId === seriesId,
  };
  const why = editRefusal(person, facts, deps.clock.now(), deps.config.EDIT_WINDOW_DAYS);
  if (why !== null) return { kind: 'refused', reason: why };
  const agency = measure.agencies.find((a) => a.agencyId === last.agencyId);
  if (agency === undefined || !reportableAgencyIds(person, measure.agencies).includes(last.agencyId))
    return { kind: 'refused', reason: 'not_allowed' };
  return {
    kind: 'form',
    form: {
      seriesId,
      baseVersion: last.version,
      measure: ref(measure),
      measureChoices: [],
      agency: agencyChoice(agency),
      agencyChoices: [],
      prefill: last,
      bounds,
      today,
    },
  };
}

function ref(measure: MeasureWithAgencies): MeasureRef {
  return { id: measure.id, number: measure.number, titleNb: measure.titleNb, titleEn: measure.titleEn };
}

function agencyChoice(row: MeasureWithAgencies['agencies'][number]): AgencyChoice {
  const { agency } = row;
  return { id: agency.id, code: agency.code, nameNb: agency.nameNb, nameEn: agency.nameEn, role: row.role };
}

/** At most MAX_CHOICES measures, always including the selected one. */
function around(measures: MeasureRef[], selectedId: number): MeasureRef[] {
  if (measures.length <= MAX_CHOICES) return measures;
  const index = measures.findIndex((m) => m.id === selectedId);
  const start = Math.max(0, Math.min(index - MAX_CHOICES / 2, measures.length - MAX_CHOICES));
  return measures.slice(start, start + MAX_CHOICES);
}
