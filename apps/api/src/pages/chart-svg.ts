import type { TopLevelSpec } from 'vega-lite' with { 'resolution-mode': 'import' };
import { escapeHtml } from './html';

type Vega = typeof import('vega', { with: { 'resolution-mode': 'import' } });
type VegaLite = typeof import('vega-lite', { with: { 'resolution-mode': 'import' } });

let libraries: Promise<{ vega: Vega; vegaLite: VegaLite }> | undefined;

/**
 * Vega and Vega-Lite, loaded on first use: both ship as ES modules only, which this CommonJS
 * build reaches through `import()`; only the record view draws charts, so the API's start-up and
 * its other routes never pay for them.
 */
function load(): Promise<{ vega: Vega; vegaLite: VegaLite }> {
  // one after the other: they share modules, and loaders (jest's among them) may race on a shared one
  libraries ??= import('vega').then(async (vega) => ({ vega, vegaLite: await import('vega-lite') }));
  return libraries;
}

/** Rendered charts by spec text: the same data draws the same SVG, and the record changes once a day. */
const cache = new Map<string, string>();
const CACHE_SIZE = 64;

/**
 * The SVG as one image to assistive technology, named by `description`: Vega labels its axes and
 * marks piecemeal and leaves the description to a browser container that server rendering lacks.
 */
function labelled(svg: string, description: string): string {
  const text = escapeHtml(description);
  return svg.replace(/^<svg /, `<svg role="img" aria-label="${text}" `).replace(/^(<svg[^>]*>)/, `$1<title>${text}</title>`);
}

/**
 * A Vega-Lite spec drawn as SVG text on the server: compiled to Vega, run headless (renderer
 * `none`: no canvas, no DOM), serialised with `toSVG`, named by the spec's `description`.
 */
export async function chartSvg(spec: TopLevelSpec): Promise<string> {
  const key = JSON.stringify(spec);
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const { vega, vegaLite } = await load();
  const view = new vega.View(vega.parse(vegaLite.compile(spec).spec), { renderer: 'none' });
  try {
    const svg = labelled(await view.toSVG(), spec.description ?? 'chart');
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    cache.set(key, svg);
    return svg;
  } finally {
    view.finalize();
  }
}
