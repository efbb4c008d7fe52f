import type { Status } from '../generated/prisma/enums.js';

export type { Status };

export const STATUSES: readonly Status[] = ['NOT_STARTED', 'ON_TRACK', 'AT_RISK', 'DELAYED', 'COMPLETED', 'CANCELLED'];

/** A measure's rolled-up status, or NO_REPORT when none of its agencies has reported. */
export type RolledStatus = Status | 'NO_REPORT';

/** Higher is worse: the roll-up takes the worst of the agencies' latest statuses. */
const SEVERITY: Record<Status, number> = {
  COMPLETED: 0,
  ON_TRACK: 1,
  NOT_STARTED: 2,
  AT_RISK: 3,
  DELAYED: 4,
  CANCELLED: -1,
};

export const STATUS_EMOJI: Record<RolledStatus, string> = {
  NOT_STARTED: ':white_circle:',
  ON_TRACK: ':large_green_circle:',
  AT_RISK: ':large_yellow_circle:',
  DELAYED: ':red_circle:',
  COMPLETED: ':white_check_mark:',
  CANCELLED: ':black_circle:',
  NO_REPORT: ':grey_question:',
};

/**
 * Rolls up the latest status of each responsible agency (null: not reported).
 * The worst status wins; COMPLETED only when every agency is done; an agency
 * that has not reported counts as NOT_STARTED once any other has; CANCELLED
 * agencies drop out unless all are cancelled.
 */
export function rollUp(latest: readonly (Status | null)[]): RolledStatus {
  if (latest.length === 0 || latest.every((s) => s === null)) return 'NO_REPORT';
  const statuses = latest.map((s) => s ?? 'NOT_STARTED');
  const active = statuses.filter((s) => s !== 'CANCELLED');
  if (active.length === 0) return 'CANCELLED';
  return active.reduce((worst, s) => (SEVERITY[s] > SEVERITY[worst] ? s : worst));
}

/** Statuses whose update must say what the challenges are. */
export function needsChallenges(status: Status): boolean {
  return status === 'AT_RISK' || status === 'DELAYED';
}
