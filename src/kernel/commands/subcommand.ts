import type { KnownBlock } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { Deps } from '../deps.js';
import type { Lang, Messages } from '../i18n/index.js';
import type { Logger } from '../logger.js';
import type { PersonWithAgency } from '../people/people.js';
import type { OpenedModal } from '../slack/loading-modal.js';
import type { SlackUserId } from '../slack/slack-user-id.js';

export interface Reply {
  text: string;
  blocks?: KnownBlock[];
}

export interface SubcommandContext {
  deps: Deps;
  client: WebClient;
  person: PersonWithAgency;
  lang: Lang;
  m: Messages;
  /** The words after the sub-command's name. */
  args: string[];
  /** The request's logger: every line carries the request id, the command and the user. */
  log: Logger;
  /** The person's own checked id (person.slackId). */
  userId: SlackUserId;
  channelId: string;
  triggerId: string;
  /** The loading modal opened with the trigger before any database work, for a sub-command that asked for one. */
  modal: OpenedModal | null;
  /** An ephemeral answer to the user who typed the command. */
  reply(message: Reply): Promise<void>;
}

export interface Subcommand {
  /** Stable key; 'default' serves an empty text and 'number' a leading measure number. */
  key: string;
  /** Norwegian name first, then aliases, all lower case. Empty for 'default' and 'number'. */
  names: readonly string[];
  usage(m: Messages): string;
  summary(m: Messages): string;
  run(ctx: SubcommandContext): Promise<void>;
  /**
   * For a sub-command that answers in a modal: the callback_id of the loading
   * modal to open for these words, or null when they will be answered in the
   * channel (a missing or malformed number). Pure, as it runs before the
   * database is asked anything: the trigger expires 3 s after the command.
   */
  modalFor?(args: readonly string[]): string | null;
}
