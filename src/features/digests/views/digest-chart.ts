import { type Lang, messages } from '../../../kernel/i18n/index.js';
import { weekNumber } from '../format.js';
import type { Digest } from '../model.js';
import { CHART_FONT, renderPng } from './render-png.js';
import { CHART_STATUS_ORDER, type ChartWeek, statusChartSpec } from './status-chart-spec.js';

/** Slack reads at most 1,000 characters of a file's alt text. */
export const ALT_TEXT_LIMIT = 1000;

export interface DigestChart {
  png: Buffer;
  altText: string;
  filename: string;
  title: string;
}

function chartWeeks(digest: Digest, lang: Lang): ChartWeek[] {
  const m = messages(lang).digest;
  return digest.history.map((w) => ({ label: m.weekLabel(weekNumber(w.week)), counts: w.counts }));
}

/**
 * The chart in words, for screen readers: every week's counts, newest
 * first, dropping the oldest weeks if that would pass Slack's limit.
 */
export function chartAltText(digest: Digest, lang: Lang): string {
  const m = messages(lang);
  const first = digest.history[0]?.week ?? digest.period.week;
  const intro = m.digest.altIntro(
    digest.area.number,
    weekNumber(first),
    weekNumber(digest.period.week),
    digest.measureCount,
  );
  const weeks = [...digest.history].reverse().map((w) => {
    const parts = CHART_STATUS_ORDER.filter((s) => w.counts[s] > 0).map(
      (s) => `${w.counts[s]} ${m.status[s].toLowerCase()}`,
    );
    return m.digest.altWeek(weekNumber(w.week), parts.length > 0 ? parts.join(', ') : m.digest.altNone);
  });
  let text = intro;
  for (const week of weeks) {
    if (text.length + 1 + week.length > ALT_TEXT_LIMIT) break;
    text = `${text} ${week}`;
  }
  return text;
}

export async function renderDigestChart(digest: Digest, lang: Lang): Promise<DigestChart> {
  const m = messages(lang);
  const title = m.digest.chartTitle(digest.area.number);
  const spec = statusChartSpec(
    chartWeeks(digest, lang),
    {
      title,
      xTitle: m.digest.chartX,
      yTitle: m.digest.chartY,
      legendTitle: m.digest.chartLegend,
      statusLabel: m.status,
    },
    CHART_FONT,
  );
  return {
    png: await renderPng(spec),
    altText: chartAltText(digest, lang),
    filename: m.digest.chartFile(digest.area.number, digest.period.week),
    title,
  };
}
