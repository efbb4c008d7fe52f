import type { Deps } from '../../kernel/deps.js';
import { type Reporter, reportableAgencyIds } from '../../kernel/people/permissions.js';
import {
  type AgencyStatus,
  dueSettingsFrom,
  findMeasureByNumber,
  loadDueStates,
  loadMeasureStatuses,
  type MeasureStatus,
  type MeasureWithAgencies,
} from '../plan/index.js';
import { editRefusal } from './edit-rules.js';

export interface CardAgency {
  status: AgencyStatus;
  authorName: string | null;
  nextDueDay: string | null;
  overdueWorkingDays: number;
  mayUpdate: boolean;
  /** The seriesId the viewer may edit here (their own latest, within the window), if any. */
  editable: string | null;
}

export interface MeasureCard {
  measure: MeasureWithAgencies;
  status: MeasureStatus;
  agencies: CardAgency[];
}

const CARD_AUTHOR_TABLES = ['Update', 'Person'] as const;

/** A measure's card in a fixed number of queries. */
export async function loadMeasureCard(deps: Deps, viewer: Reporter, number: number): Promise<MeasureCard | null> {
  const { prisma, config, clock, reference } = deps;
  const measure = await findMeasureByNumber(prisma, number, reference);
  if (measure === null) return null;
  const [statuses, dues] = await Promise.all([
    loadMeasureStatuses(prisma, { measureIds: [measure.id] }, reference),
    loadDueStates(prisma, dueSettingsFrom(config), clock.now(), { measureIds: [measure.id] }, reference),
  ]);
  const status = statuses[0];
  if (status === undefined) return null;
  const latest = status.agencies.flatMap((a) => (a.latest === null ? [] : [a.latest]));
  const readAuthors = () =>
    Promise.all([
      prisma.person.findMany({
        where: { id: { in: latest.map((u) => u.authorId) } },
        select: { id: true, name: true },
      }),
      prisma.update.findMany({
        where: { seriesId: { in: latest.map((u) => u.seriesId) }, version: 1 },
        select: { seriesId: true, authorId: true, createdAt: true },
      }),
    ]);
  // Who wrote each latest update, and who began its series, change only with a commit to Update or Person.
  const [authors, firsts] =
    reference === undefined
      ? await readAuthors()
      : await reference.get(`card-authors:${measure.id}`, CARD_AUTHOR_TABLES, readAuthors);
  const reportable = reportableAgencyIds(viewer, status.agencies);
  const agencies = status.agencies.map((a): CardAgency => {
    const due = dues.find((d) => d.agencyId === a.agencyId);
    const first = a.latest === null ? undefined : firsts.find((f) => f.seriesId === a.latest?.seriesId);
    const mayUpdate = reportable.includes(a.agencyId);
    const canEdit =
      first !== undefined &&
      mayUpdate &&
      editRefusal(
        viewer,
        { firstAuthorId: first.authorId, firstCreatedAt: first.createdAt, isLatestOfPair: true },
        clock.now(),
        config.EDIT_WINDOW_DAYS,
      ) === null;
    return {
      status: a,
      authorName: authors.find((p) => p.id === a.latest?.authorId)?.name ?? null,
      nextDueDay: due === undefined || due.closed ? null : due.dueDay,
      overdueWorkingDays: due?.overdueWorkingDays ?? 0,
      mayUpdate,
      editable: canEdit ? (a.latest?.seriesId ?? null) : null,
    };
  });
  return { measure, status, agencies };
}
