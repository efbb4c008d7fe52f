import { type RolledStatus, STATUSES } from '../../kernel/status.js';
import type { StatusCounts } from './model.js';

export function emptyCounts(): StatusCounts {
  const counts = { NO_REPORT: 0 } as StatusCounts;
  for (const s of STATUSES) counts[s] = 0;
  return counts;
}

export function countByStatus(statuses: readonly { rolled: RolledStatus }[]): StatusCounts {
  const counts = emptyCounts();
  for (const s of statuses) counts[s.rolled]++;
  return counts;
}
