import type { WebClient } from '@slack/web-api';
import type { Update } from '../../../generated/prisma/client.js';
import type { Deps } from '../../../kernel/deps.js';
import type { Logger } from '../../../kernel/logger.js';
import type { PersonWithAgency } from '../../../kernel/people/people.js';
import type { SlackUserId } from '../../../kernel/slack/slack-user-id.js';
import { viewLocale } from '../../../kernel/text/format.js';
import type { ModalSource } from '../contract.js';
import { recordQuotedMessage } from '../quoted-messages.js';
import { measureAndAgencyOf } from '../update-queries.js';
import { updateConfirmation } from '../views/update-confirmation.js';

/** What a save asks of App Home. The composition root passes the home feature's, which updates does not import. */
export interface HomeAfterSave {
  /** The author's own Home, when the form was opened from it. */
  publishHome(deps: Deps, client: WebClient, slackId: SlackUserId): Promise<void>;
  /** Starts refreshing the Home of everyone else who follows the measure, and returns at once. */
  refreshHomesOfMeasure(refresh: {
    deps: Deps;
    client: WebClient;
    measureId: number;
    authorSlackId: SlackUserId;
    log: Logger;
  }): void;
}

export interface AfterSave {
  deps: Deps;
  client: WebClient;
  person: PersonWithAgency;
  update: Update;
  source: ModalSource;
  log: Logger;
  homes: HomeAfterSave;
}

/**
 * The update is stored by now; these are courtesies. A failure is logged and
 * never reported as a failed save: the user would send it again.
 */
export async function afterSave({ deps, client, person, update, source, log, homes }: AfterSave): Promise<void> {
  try {
    const row = await measureAndAgencyOf(deps.prisma, update.id);
    const message = updateConfirmation(viewLocale(deps, person.language), {
      update,
      measure: row.measure,
      agencyCode: row.agency.code,
      editWindowDays: deps.config.EDIT_WINDOW_DAYS,
    });
    const posted = await client.chat.postMessage({ channel: person.slackId, ...message });
    // It quotes the text: a redaction must be able to find it again.
    if (posted.channel !== undefined && posted.ts !== undefined)
      await recordQuotedMessage(deps.prisma, {
        updateId: update.id,
        channel: posted.channel,
        ts: posted.ts,
        at: deps.clock.now(),
      });
  } catch (error) {
    log.error({ err: error, updateId: update.id }, 'could not send the update confirmation');
  }
  if (source === 'home') {
    await homes
      .publishHome(deps, client, person.slackId)
      .catch((error: unknown) => log.error({ err: error }, 'could not refresh App Home after a save'));
  }
  // Others' Homes in the background: the save's handler must not wait on a dozen publishes.
  homes.refreshHomesOfMeasure({ deps, client, measureId: update.measureId, authorSlackId: person.slackId, log });
}
