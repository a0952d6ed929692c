import type { TopLevelSpec } from 'vega-lite' with { 'resolution-mode': 'import' };
import { renderChartInWorker } from './chart-worker';
import { escapeHtml } from './html';

/**
 * The SVG as one image to assistive technology, named by `description`: Vega labels its axes and
 * marks piecemeal and leaves the description to a browser container that server rendering lacks.
 */
function labelled(svg: string, description: string): string {
  const text = escapeHtml(description);
  return svg
    .replace(/^<svg /, `<svg role="img" aria-label="${text}" `)
    .replace(/^(<svg[^>]*>)/, `$1<title>${text}</title>`);
}

/**
 * Drawn charts by spec text. The pages are cached whole per data version (`RenderedPages`), but a
 * change of the data (a day's settlement) changes the charts of a few versions only: the others
 * are reused, so the render after a change draws those few instead of every chart on the page.
 */
const drawn = new Map<string, Promise<string>>();
const CACHE_SIZE = 128;

/**
 * A Vega-Lite spec drawn as SVG text on the server, off the event loop (see `renderChartInWorker`),
 * named by the spec's `description`; the same spec is drawn once (a failed drawing is not kept).
 */
export function chartSvg(spec: TopLevelSpec): Promise<string> {
  const key = JSON.stringify(spec);
  const hit = drawn.get(key);
  if (hit) {
    drawn.delete(key);
    drawn.set(key, hit);
    return hit;
  }
  const svg = renderChartInWorker(spec).then((text) => labelled(text, spec.description ?? 'chart'));
  drawn.set(key, svg);
  if (drawn.size > CACHE_SIZE) drawn.delete(drawn.keys().next().value as string);
  svg.catch(() => {
    if (drawn.get(key) === svg) drawn.delete(key);
  });
  return svg;
}
