import { describe, expect, it } from 'vitest';
import { ALT_TEXT_LIMIT, chartAltText, renderDigestChart } from '../../src/features/digests/views/digest-chart.js';
import { renderSvg } from '../../src/features/digests/views/render-png.js';
import { STATUS_COLOURS, statusChartSpec } from '../../src/features/digests/views/status-chart-spec.js';
import { messages } from '../../src/kernel/i18n/index.js';
import { countColour, decodePng } from './chart-png-reader.js';
import { counts, sampleDigest } from './digest-fixture.js';

const text = { title: 't', xTitle: 'x', yTitle: 'y', legendTitle: 'l', statusLabel: messages('nb').status };

describe('the digest chart', () => {
  it('renders a PNG whose size matches the SVG (zoom 1.5) and whose bars carry the status colours', async () => {
    const digest = sampleDigest();
    const chart = await renderDigestChart(digest, 'nb');
    const png = decodePng(chart.png);
    const svg = await renderSvg(
      statusChartSpec([{ label: 'a', counts: counts({ ON_TRACK: 1 }) }], text, 'DejaVu Sans'),
    );
    expect(svg).toMatch(/^<svg/);
    expect(png.width).toBeGreaterThan(600);
    expect(png.height).toBeGreaterThan(300);
    expect(png.width).toBeLessThan(2000);
    // Not blank: the bars fill thousands of pixels in their status colours, over a white background.
    const white = countColour(png, '#ffffff');
    expect(white).toBeGreaterThan(png.width * png.height * 0.3);
    expect(white).toBeLessThan(png.width * png.height);
    expect(countColour(png, STATUS_COLOURS.ON_TRACK)).toBeGreaterThan(2000);
    expect(countColour(png, STATUS_COLOURS.NO_REPORT)).toBeGreaterThan(2000);
    expect(countColour(png, STATUS_COLOURS.AT_RISK)).toBeGreaterThan(100);
    // A status that never occurs is neither drawn nor in the legend.
    expect(countColour(png, STATUS_COLOURS.COMPLETED)).toBe(0);
    expect(chart.filename).toBe('status-omrade-1-2004-W09.png');
  });

  it('gives the PNG the width and height the SVG declares, scaled', async () => {
    const spec = statusChartSpec(
      sampleDigest().history.map((w, i) => ({ label: `w${i}`, counts: w.counts })),
      text,
      'DejaVu Sans',
    );
    const svg = await renderSvg(spec);
    const [, w, h] = /width="(\d+(?:\.\d+)?)" height="(\d+(?:\.\d+)?)"/.exec(svg) ?? [];
    const { renderPng } = await import('../../src/features/digests/views/render-png.js');
    const png = decodePng(await renderPng(spec, 2));
    expect(png.width).toBe(Math.round(Number(w) * 2));
    expect(png.height).toBe(Math.round(Number(h) * 2));
  });

  it('still draws an empty focus area without crashing', async () => {
    const empty = sampleDigest({
      measureCount: 0,
      history: sampleDigest().history.map((w) => ({ week: w.week, counts: counts({}) })),
    });
    const png = decodePng((await renderDigestChart(empty, 'en')).png);
    expect(png.width).toBeGreaterThan(0);
  });

  it('says the same in words: every week, newest first, with its counts', () => {
    const alt = chartAltText(sampleDigest(), 'nb');
    expect(alt).toMatch(/^Stolpediagram over status for 6 tiltak i satsingsområde 1, uke 2 til uke 9\./);
    expect(alt).toContain('Uke 9: 4 i rute, 1 risiko, 1 forsinket.');
    expect(alt).toContain('Uke 2: 6 ikke rapportert.');
    expect(alt.indexOf('Uke 9')).toBeLessThan(alt.indexOf('Uke 8'));
    expect(chartAltText(sampleDigest(), 'en')).toContain('Week 9: 4 on track, 1 at risk, 1 delayed.');
  });

  it('keeps the alt text within Slack’s 1,000 characters for a busy chart', () => {
    const busy = counts({
      COMPLETED: 11,
      ON_TRACK: 22,
      NOT_STARTED: 33,
      AT_RISK: 44,
      DELAYED: 55,
      CANCELLED: 66,
      NO_REPORT: 77,
    });
    const digest = sampleDigest({ history: sampleDigest().history.map((w) => ({ week: w.week, counts: busy })) });
    const alt = chartAltText(digest, 'en');
    expect(alt.length).toBeLessThanOrEqual(ALT_TEXT_LIMIT);
    expect(alt).toContain('Week 9:');
  });
});
