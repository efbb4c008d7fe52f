import type { Update } from '../../generated/prisma/client.js';
import { updateSnapshot, writeAudit } from '../../kernel/db/audit.js';
import { isUniqueViolation } from '../../kernel/db/errors.js';
import type { Deps } from '../../kernel/deps.js';
import type { PersonWithAgency } from '../../kernel/people/people.js';
import { defaultAgencyId, isOnBehalf, mayReportFor } from '../../kernel/people/permissions.js';
import { findMeasureById } from '../plan/index.js';
import { type EditRefusal, editRefusal } from './edit-rules.js';
import type { UpdateDraft } from './update-draft.js';
import { latestOfPair, loadSeries } from './update-queries.js';

export interface SubmitInput {
  actor: PersonWithAgency;
  measureId: number;
  /** The agency the form named; null lets the rules pick (one's own, else the lead). */
  agencyId: number | null;
  /** A new series for a new update, or the series being edited. */
  seriesId: string;
  /** 0 for a new update; for an edit, the version the form was opened on. */
  baseVersion: number;
  draft: UpdateDraft;
}

export type SubmitRefusal = 'not_allowed' | 'no_measure' | 'conflict' | EditRefusal;

export type SubmitResult =
  | { kind: 'saved'; update: Update; previous: Update | null }
  | { kind: 'refused'; reason: SubmitRefusal };

/**
 * Stores an update as a new immutable row, with its audit line, in one
 * transaction. Every right is checked here against the database, whatever
 * the form claimed: the payload may be forged or replayed. A replay meets
 * the unique (seriesId, version) and is refused as a conflict, never stored twice.
 */
export async function submitUpdate(deps: Deps, input: SubmitInput): Promise<SubmitResult> {
  const { prisma, clock, config } = deps;
  const now = clock.now();
  const { actor } = input;
  const measure = await findMeasureById(prisma, input.measureId);
  if (measure === null) return refused('no_measure');

  let agencyId = input.agencyId ?? defaultAgencyId(actor, measure.agencies);
  let previous: Update | null = null;
  if (input.baseVersion > 0) {
    const series = await loadSeries(prisma, input.seriesId);
    const first = series.at(0);
    const last = series.at(-1);
    if (first === undefined || last === undefined) return refused('conflict');
    if (last.version !== input.baseVersion) return refused('conflict');
    if (last.measureId !== measure.id) return refused('not_allowed');
    agencyId = last.agencyId;
    const newest = await latestOfPair(prisma, last.measureId, last.agencyId);
    const why = editRefusal(
      actor,
      {
        firstAuthorId: first.authorId,
        firstCreatedAt: first.createdAt,
        isLatestOfPair: newest?.seriesId === input.seriesId,
      },
      now,
      config.EDIT_WINDOW_DAYS,
    );
    if (why !== null) return refused(why);
    previous = last;
  }
  if (agencyId === null || !mayReportFor(actor, measure.agencies, agencyId)) return refused('not_allowed');

  const { draft } = input;
  const reportFor = agencyId;
  try {
    const update = await prisma.$transaction(async (tx) => {
      const created = await tx.update.create({
        data: {
          seriesId: input.seriesId,
          version: input.baseVersion + 1,
          measureId: measure.id,
          agencyId: reportFor,
          authorId: actor.id,
          onBehalf: isOnBehalf(actor, reportFor),
          status: draft.status,
          progress: draft.progress,
          done: draft.done,
          challenges: draft.challenges,
          nextSteps: draft.nextSteps,
          spendNok: draft.spendNok,
          periodDate: new Date(`${draft.periodDate}T00:00:00Z`),
          createdAt: now,
        },
      });
      await writeAudit(tx, {
        actor: actor.slackId,
        action: previous === null ? 'update.create' : 'update.edit',
        entity: 'Update',
        entityId: String(created.id),
        before: previous === null ? null : updateSnapshot(previous),
        after: updateSnapshot(created),
        at: now,
      });
      return created;
    });
    return { kind: 'saved', update, previous };
  } catch (error) {
    if (isUniqueViolation(error)) return refused('conflict');
    throw error;
  }
}

function refused(reason: SubmitRefusal): SubmitResult {
  return { kind: 'refused', reason };
}
