import type { KnownBlock, ModalView } from '@slack/types';
import { type Lang, messages } from '../../../kernel/i18n/index.js';
import { STATUS_EMOJI, type Status } from '../../../kernel/status.js';
import { ids } from '../contract.js';
import { formatShortDate } from '../format.js';

export interface FullUpdate {
  measureNumber: number;
  agencyCode: string;
  authorName: string;
  createdAt: Date;
  status: Status;
  done: string;
  challenges: string | null;
  nextSteps: string | null;
}

const CHUNK = 2900;
/** Room for the heading and three labels under Slack's 100 blocks per modal. */
const MAX_TEXT_BLOCKS = 90;

/** Plain text, not mrkdwn: what users typed is shown as typed, never as formatting or mentions. */
function textBlocks(text: string): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  for (let i = 0; i < text.length; i += CHUNK)
    blocks.push({ type: 'section', text: { type: 'plain_text', text: text.slice(i, i + CHUNK), emoji: false } });
  return blocks;
}

function shell(lang: Lang, blocks: KnownBlock[]): ModalView {
  const m = messages(lang).digest;
  return {
    type: 'modal',
    callback_id: ids.views.digestUpdate,
    title: { type: 'plain_text', text: m.updateModalTitle },
    close: { type: 'plain_text', text: m.close },
    blocks,
  };
}

/** Pure: the whole text of an update that a digest trimmed, or a notice when it cannot be shown. */
export function digestUpdateModal(update: FullUpdate | null, lang: Lang, timeZone: string, notice?: string): ModalView {
  const m = messages(lang);
  if (update === null)
    return shell(lang, [{ type: 'section', text: { type: 'plain_text', text: notice ?? m.digest.updateGone } }]);
  const heading = m.digest.modalHeading(
    update.measureNumber,
    update.agencyCode,
    update.authorName.replace(/[*_~`<>&]/g, ''),
    formatShortDate(update.createdAt, lang, timeZone),
  );
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      text: { type: 'mrkdwn', text: `${heading}\n${STATUS_EMOJI[update.status]} ${m.status[update.status]}` },
    },
    { type: 'header', text: { type: 'plain_text', text: m.digest.done } },
    ...textBlocks(update.done),
  ];
  if (update.challenges)
    blocks.push(
      { type: 'header', text: { type: 'plain_text', text: m.digest.challenges } },
      ...textBlocks(update.challenges),
    );
  if (update.nextSteps)
    blocks.push(
      { type: 'header', text: { type: 'plain_text', text: m.digest.nextSteps } },
      ...textBlocks(update.nextSteps),
    );
  return shell(lang, blocks.slice(0, MAX_TEXT_BLOCKS + 4));
}
