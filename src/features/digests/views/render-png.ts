import { existsSync } from 'node:fs';
import type { TopLevelSpec } from 'vega-lite';

/** Debian's fonts-dejavu-core; resvg draws no text at all without some font. */
const FONT_FILES = [
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
];
export const CHART_FONT = 'DejaVu Sans';

/**
 * vega-lite → vega → SVG (no canvas, no browser) → PNG with resvg, whose
 * binary ships inside its npm package. System fonts are a fallback: a host
 * with no font at all still gets the bars, only without labels.
 */
export async function renderPng(spec: TopLevelSpec, scale = 1.5): Promise<Buffer> {
  const svg = await renderSvg(spec);
  // Loaded on the first chart, not at start: most processes never draw one (issue 11).
  const { renderAsync } = await import('@resvg/resvg-js');
  const fontFiles = FONT_FILES.filter((file) => existsSync(file));
  // On libuv's thread pool: loading the fonts and drawing take long enough to hold up acks on the event loop.
  const image = await renderAsync(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: '#ffffff',
    font: { fontFiles, loadSystemFonts: true, defaultFontFamily: CHART_FONT },
  });
  return image.asPng();
}

export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const [{ parse, View }, { compile }] = await Promise.all([import('vega'), import('vega-lite')]);
  const view = new View(parse(compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
