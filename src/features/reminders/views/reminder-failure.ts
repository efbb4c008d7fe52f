import type { KnownBlock } from '@slack/types';
import type { Lang, Messages } from '../../../kernel/i18n/index.js';
import { titleIn } from '../../../kernel/i18n/localized.js';
import { mention } from '../../../kernel/text/dates.js';

export interface FailureNotice {
  failedRecipient: string;
  code: string;
  /** The pair the failed message was about, when it was about one. */
  pair: { number: number; titleNb: string; titleEn: string; agencyCode: string } | null;
}

/** Step 5: tells a coordinator, once, that Slack refused a reminder for good. */
export function failureNoticeMessage(
  m: Messages,
  lang: Lang,
  f: FailureNotice,
): { text: string; blocks: KnownBlock[] } {
  const what =
    f.pair === null ? '–' : `${m.reminders.measure(f.pair.number, titleIn(lang, f.pair))}, ${f.pair.agencyCode}`;
  const code = f.code.replace(/[^a-z0-9_]/giu, '').slice(0, 60);
  const text = m.reminders.failure(mention(f.failedRecipient), what, code);
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}
