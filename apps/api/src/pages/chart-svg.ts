import type { TopLevelSpec } from 'vega-lite' with { 'resolution-mode': 'import' };
import { renderChartInWorker } from './chart-worker';
import { escapeHtml } from './html';

/**
 * The SVG as one image to assistive technology, named by `description`: Vega labels its axes and
 * marks piecemeal and leaves the description to a browser container that server rendering lacks.
 */
function labelled(svg: string, description: string): string {
  const text = escapeHtml(description);
  return svg.replace(/^<svg /, `<svg role="img" aria-label="${text}" `).replace(/^(<svg[^>]*>)/, `$1<title>${text}</title>`);
}

/**
 * A Vega-Lite spec drawn as SVG text on the server, off the event loop (see `renderChartInWorker`),
 * named by the spec's `description`. Not cached here: the pages that draw charts are cached whole
 * per data version (`RenderedPages`), so a chart is drawn once per change of the data.
 */
export async function chartSvg(spec: TopLevelSpec): Promise<string> {
  return labelled(await renderChartInWorker(spec), spec.description ?? 'chart');
}
