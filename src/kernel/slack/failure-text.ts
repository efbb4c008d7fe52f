import { isDatabaseUnavailable } from '../db/errors.js';
import type { Deps } from '../deps.js';
import { type Lang, messages } from '../i18n/index.js';

/** The language to answer a failure in: the one found for the user, or remembered for them, or nb. */
export function failureLang(deps: Pick<Deps, 'languages'>, userId: string | undefined, known?: Lang): Lang {
  return known ?? deps.languages?.recall(userId) ?? 'nb';
}

/**
 * The one line a user reads when their request could not be served: "try
 * again shortly" while the database is away (nothing the user did is wrong),
 * else the general apology.
 */
export function failureText(
  deps: Pick<Deps, 'languages'>,
  userId: string | undefined,
  error: unknown,
  known?: Lang,
): string {
  const m = messages(failureLang(deps, userId, known));
  return isDatabaseUnavailable(error) ? m.common.databaseDown : m.common.somethingWentWrong;
}
