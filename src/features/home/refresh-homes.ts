import type { WebClient } from '@slack/web-api';
import type { Deps } from '../../kernel/deps.js';
import type { Logger } from '../../kernel/logger.js';
import { classifySlackFailure } from '../../kernel/slack/slack-failure.js';
import type { SlackUserId } from '../../kernel/slack/slack-user-id.js';
import { homeRecipientsOfMeasure } from './home-recipients.js';
import { publishHomeFor } from './publish-home.js';

/** Enough for a measure's agencies and the coordinators; a bound on the work one save can start. */
const HOME_REFRESH_LIMIT = 50;

export interface HomeRefresh {
  deps: Deps;
  client: WebClient;
  measureId: number;
  /** The author: their own Home is handled by the save itself. */
  authorSlackId: SlackUserId;
  log: Logger;
  limit?: number;
}

/**
 * Republishes the Home of everyone else whose Home shows the measure, one at
 * a time so a save never floods Slack. Never throws: a stale Home is fixed the
 * next time its owner opens the tab. A rate limit ends the batch, since every
 * further call would be refused too.
 */
export async function refreshHomesOfMeasure({
  deps,
  client,
  measureId,
  authorSlackId,
  log,
  limit = HOME_REFRESH_LIMIT,
}: HomeRefresh): Promise<number> {
  let published = 0;
  try {
    const { people, truncated } = await homeRecipientsOfMeasure(deps.prisma, measureId, authorSlackId, limit);
    if (truncated) log.warn({ measureId, limit }, 'more Homes show this measure than one save refreshes');
    for (const person of people) {
      try {
        await publishHomeFor(deps, client, person);
        published += 1;
      } catch (error) {
        const failure = classifySlackFailure(error);
        if (failure.kind === 'http' && failure.status === 429) {
          log.warn(
            { err: error, measureId, published, left: people.length - published },
            'rate limited while refreshing Homes; the rest stay as they are',
          );
          break;
        }
        log.error({ err: error, user: person.slackId }, 'could not refresh a Home after an update');
      }
    }
  } catch (error) {
    log.error({ err: error, measureId }, 'could not find whose Home to refresh after an update');
  }
  log.info({ measureId, published }, 'refreshed Homes after an update');
  return published;
}
