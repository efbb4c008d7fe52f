import type { HomeView, KnownBlock } from '@slack/types';
import { type RolledStatus, STATUS_EMOJI, STATUSES } from '../../../kernel/status.js';
import {
  clip,
  clipMrkdwn,
  formatInstant,
  measureTitle,
  statusText,
  type ViewLocale,
} from '../../../kernel/text/format.js';
import { measureRowBlock } from '../../updates/index.js';
import { ids } from '../contract.js';
import type { HomeData } from '../home-data.js';
import type { AreaOverview } from '../plan-overview.js';

/** Slack's limit for a Home tab. */
const HOME_BLOCK_LIMIT = 100;
/** A contact's own list; coordinators get fewer so the plan overview has room. */
const MY_ROWS = { contact: 40, coordinator: 10 } as const;
const ORDER: readonly RolledStatus[] = [...STATUSES, 'NO_REPORT'];

/**
 * The Home tab. Any plan fits in 100 blocks: the user's own measures are
 * capped with a pointer to `/tiltak mine`, and focus areas that do not fit
 * are summed up in one line.
 */
export function homeView(loc: ViewLocale, data: HomeData): HomeView {
  const { m } = loc;
  const h = m.home;
  const top: KnownBlock[] = [header(h.title), section(h.greeting(clipMrkdwn(data.name, 200)))];
  const footer: KnownBlock[] = [context(h.footer)];
  const mine = myMeasures(loc, data, data.overview === null ? MY_ROWS.contact : MY_ROWS.coordinator);
  const room = HOME_BLOCK_LIMIT - top.length - mine.length - footer.length;
  const overview = data.overview === null ? [] : planOverview(loc, data.overview, room);
  return { type: 'home', callback_id: ids.views.home, blocks: [...top, ...mine, ...overview, ...footer] };
}

export function notRegisteredHome(loc: ViewLocale): HomeView {
  return {
    type: 'home',
    callback_id: ids.views.home,
    blocks: [header(loc.m.home.title), section(loc.m.home.notRegistered)],
  };
}

function myMeasures(loc: ViewLocale, data: HomeData, max: number): KnownBlock[] {
  if (data.mine.length === 0) return [];
  const h = loc.m.home;
  const blocks: KnownBlock[] = [
    section(`*${h.myMeasures}*`),
    ...data.mine.slice(0, max).map((row) => measureRowBlock(loc, row)),
  ];
  if (data.mine.length > max) blocks.push(context(h.moreMeasures(data.mine.length - max)));
  return blocks;
}

/** Two blocks per focus area; what does not fit in `room` is summed up in one line. */
function planOverview(loc: ViewLocale, areas: readonly AreaOverview[], room: number): KnownBlock[] {
  const h = loc.m.home;
  const total = areas.reduce((n, a) => n + a.measures, 0);
  const overdue = areas.reduce((n, a) => n + a.overdue, 0);
  const blocks: KnownBlock[] = [{ type: 'divider' }, header(h.overviewTitle), section(h.overviewIntro(total, overdue))];
  const fits = Math.max(0, Math.floor((room - blocks.length - 1) / 2));
  const shown = areas.length <= fits ? areas : areas.slice(0, fits);
  for (const area of shown) blocks.push(...areaBlocks(loc, area));
  const rest = areas.slice(shown.length);
  if (rest.length > 0)
    blocks.push(
      context(
        h.moreAreas(
          rest.length,
          rest.reduce((n, a) => n + a.measures, 0),
        ),
      ),
    );
  return blocks;
}

function areaBlocks(loc: ViewLocale, overview: AreaOverview): KnownBlock[] {
  const { m, lang } = loc;
  const h = m.home;
  const title =
    overview.area === null
      ? h.unplaced
      : m.measureViews.focusArea(overview.area.number, measureTitle(lang, overview.area));
  const counts = ORDER.filter((s) => (overview.counts[s] ?? 0) > 0).map(
    (s) => `${STATUS_EMOJI[s]} ${m.status[s]}: ${overview.counts[s]}`,
  );
  const lines = [
    `*${clipMrkdwn(title, 500)}*`,
    `${m.measureViews.listCount(overview.measures)} · ${counts.join(' · ')}`,
  ];
  if (overview.overdue > 0) lines.push(`:warning: ${h.areaOverdue(overview.overdue)}`);
  const recent = overview.recent.map((r) =>
    h.recentLine(formatInstant(loc, r.createdAt), r.measureNumber, r.agencyCode, statusText(m, r.status)),
  );
  const recentText = recent.length === 0 ? h.noRecent : `*${h.recent}*\n${recent.join('\n')}`;
  return [section(lines.join('\n')), context(clip(recentText, 3000))];
}

function header(text: string): KnownBlock {
  return { type: 'header', text: { type: 'plain_text', text: clip(text, 150), emoji: true } };
}

function section(text: string): KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: clip(text, 3000) } };
}

function context(text: string): KnownBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: clip(text, 3000) }] };
}
