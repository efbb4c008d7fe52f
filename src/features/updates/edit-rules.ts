import type { Reporter } from '../../kernel/people/permissions.js';

export type EditRefusal = 'edit_not_own' | 'edit_window' | 'edit_not_latest';

export interface SeriesFacts {
  /** Who wrote the first version: only they may edit. */
  firstAuthorId: number;
  /** When the first version was written: the window runs from here, so edits cannot extend it. */
  firstCreatedAt: Date;
  /** Whether the series is still the newest report for its measure and agency. */
  isLatestOfPair: boolean;
}

const DAY_MS = 86_400_000;

/** Why an edit is refused, or null when it is allowed. Rights to the measure are checked apart. */
export function editRefusal(
  person: Pick<Reporter, 'id'>,
  series: SeriesFacts,
  now: Date,
  windowDays: number,
): EditRefusal | null {
  if (series.firstAuthorId !== person.id) return 'edit_not_own';
  if (now.getTime() - series.firstCreatedAt.getTime() > windowDays * DAY_MS) return 'edit_window';
  if (!series.isLatestOfPair) return 'edit_not_latest';
  return null;
}
