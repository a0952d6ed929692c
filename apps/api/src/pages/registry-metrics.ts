import type { MetricsByDataset } from '@nba/registry';
import { html, type Html } from './html';

/** Held-out and backtest figures first (what a version is judged by), then validation, then the rest. */
function rank(dataset: string): number {
  if (dataset.startsWith('holdout')) return 0;
  if (dataset.startsWith('backtest')) return 1;
  if (dataset === 'validation') return 2;
  return 3;
}

/** A metric value: scores to four decimals, counts as integers. */
function value(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(4);
}

const HEAD = html`<thead><tr><th scope="col">Dataset</th><th scope="col">Metric</th><th scope="col">Value</th></tr></thead>`;

/**
 * A version's stored metrics (`model_versions.metrics`) as a dataset / metric / value table: three
 * narrow columns read on a phone, and the names are shown as the registry stores them.
 */
export function registryMetricsTable(metrics: MetricsByDataset, caption: string): Html {
  const datasets = Object.keys(metrics).sort((a, b) => rank(a) - rank(b) || b.localeCompare(a));
  if (datasets.length === 0) return html`<p class="muted">The registry holds no metrics for this version.</p>`;
  const rows = datasets.flatMap((d) => {
    const entries = Object.entries(metrics[d] ?? {});
    const group = html`<th scope="rowgroup" rowspan="${entries.length}">${d}</th>`;
    return entries.map(
      ([name, x], i) =>
        html`<tr>${i === 0 ? group : ''}<td class="name">${name}</td><td class="num">${value(x)}</td></tr>`,
    );
  });
  return html`<table class="metrics-table"><caption>${caption}</caption>${HEAD}<tbody>${rows}</tbody></table>`;
}
