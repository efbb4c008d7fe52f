import type { KnownBlock, SectionBlock } from '@slack/types';
import { clipMrkdwn, formatDay, measureTitle, type ViewLocale } from '../../../kernel/text/format.js';
import { encodeOpen, ids } from '../contract.js';
import type { OverduePair } from '../overdue.js';
import { header, ROWS_PER_PAGE, section } from './measure-lists.js';
import { pageOf, pagerBlocks } from './measure-row.js';

/** `/tiltak forfalt`: the user's agency's overdue reports, or all of them for coordinators. */
export function overdueMessage(
  loc: ViewLocale,
  pairs: readonly OverduePair[],
  wholePlan: boolean,
  page: number,
): { text: string; blocks: KnownBlock[] } {
  const { m, lang } = loc;
  const v = m.measureViews;
  const title = wholePlan ? v.overdueTitleAll : v.overdueTitle;
  if (pairs.length === 0) return { text: v.overdueNone, blocks: [header(title), section(v.overdueNone)] };
  const slice = pageOf(pairs, page, ROWS_PER_PAGE);
  const rows = slice.items.map((pair): SectionBlock => {
    const text = `:warning: *${pair.measure.number}* ${clipMrkdwn(measureTitle(lang, pair.measure), 300)} (${pair.agency.code})\n${v.overdueRow(pair.overdueWorkingDays, formatDay(m, lang, pair.dueDay))}`;
    const block: SectionBlock = { type: 'section', text: { type: 'mrkdwn', text } };
    if (pair.mayUpdate) {
      block.accessory = {
        type: 'button',
        action_id: ids.actions.updates.open,
        text: { type: 'plain_text', text: v.updateButton },
        value: encodeOpen({ m: pair.measure.number, a: pair.agency.id }),
      };
    }
    return block;
  });
  const blocks: KnownBlock[] = [
    header(title),
    { type: 'context', elements: [{ type: 'mrkdwn', text: v.overdueCount(pairs.length) }] },
    ...rows,
    ...pagerBlocks(loc, { k: 'overdue' }, slice.page, slice.pageCount),
  ];
  return { text: `${title}: ${pairs.length}`, blocks };
}
