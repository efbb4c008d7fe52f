import type { TopLevelSpec } from 'vega-lite';
import type { RolledStatus } from '../../../kernel/status.js';

/** The order bars stack in and the legend reads: finished work at the bottom, missing reports on top. */
export const CHART_STATUS_ORDER: readonly RolledStatus[] = [
  'COMPLETED',
  'ON_TRACK',
  'NOT_STARTED',
  'AT_RISK',
  'DELAYED',
  'CANCELLED',
  'NO_REPORT',
];

/**
 * Okabe–Ito colours, chosen so the statuses stay apart for readers with
 * colour-vision deficiency; the alt text carries the same numbers in words.
 */
export const STATUS_COLOURS: Record<RolledStatus, string> = {
  COMPLETED: '#0072B2',
  ON_TRACK: '#009E73',
  NOT_STARTED: '#999999',
  AT_RISK: '#E69F00',
  DELAYED: '#D55E00',
  CANCELLED: '#000000',
  NO_REPORT: '#DDDDDD',
};

export interface ChartWeek {
  /** Axis label, e.g. 'uke 9'. */
  label: string;
  counts: Record<RolledStatus, number>;
}

export interface ChartText {
  title: string;
  xTitle: string;
  yTitle: string;
  legendTitle: string;
  statusLabel: Record<RolledStatus, string>;
}

const CHART_WIDTH = 640;
const CHART_HEIGHT = 280;

/** Pure: a stacked bar per week, one colour per rolled-up status. */
export function statusChartSpec(weeks: readonly ChartWeek[], text: ChartText, fontFamily: string): TopLevelSpec {
  const values = weeks.flatMap((week, index) =>
    CHART_STATUS_ORDER.filter((s) => week.counts[s] > 0).map((s) => ({
      week: week.label,
      index,
      status: text.statusLabel[s],
      order: CHART_STATUS_ORDER.indexOf(s),
      measures: week.counts[s],
    })),
  );
  const used = CHART_STATUS_ORDER.filter((s) => weeks.some((w) => w.counts[s] > 0));
  const shown = used.length > 0 ? used : CHART_STATUS_ORDER.slice(0, 1);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: text.title,
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    padding: 16,
    background: '#ffffff',
    data: { values },
    mark: { type: 'bar', stroke: '#ffffff', strokeWidth: 0.5 },
    encoding: {
      x: {
        field: 'week',
        type: 'ordinal',
        sort: weeks.map((w) => w.label),
        title: text.xTitle,
        axis: { labelAngle: 0 },
      },
      y: { field: 'measures', type: 'quantitative', stack: 'zero', title: text.yTitle, axis: { tickMinStep: 1 } },
      color: {
        field: 'status',
        type: 'nominal',
        title: text.legendTitle,
        scale: { domain: shown.map((s) => text.statusLabel[s]), range: shown.map((s) => STATUS_COLOURS[s]) },
      },
      order: { field: 'order', type: 'quantitative' },
    },
    config: { font: fontFamily, view: { stroke: null } },
  };
}
