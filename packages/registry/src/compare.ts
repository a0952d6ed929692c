import type { MetricComparison, ModelVersionInfo } from './types';

/** Stored metrics of two versions side by side, per dataset and metric, with b − a. */
export function compareMetrics(a: ModelVersionInfo, b: ModelVersionInfo): MetricComparison[] {
  const keys = new Map<string, { dataset: string; metric: string }>();
  for (const m of [a.metrics, b.metrics]) {
    for (const [dataset, values] of Object.entries(m)) {
      for (const metric of Object.keys(values)) keys.set(`${dataset}\u0000${metric}`, { dataset, metric });
    }
  }
  return [...keys.values()]
    .sort((x, y) => x.dataset.localeCompare(y.dataset) || x.metric.localeCompare(y.metric))
    .map(({ dataset, metric }) => {
      const va = a.metrics[dataset]?.[metric] ?? null;
      const vb = b.metrics[dataset]?.[metric] ?? null;
      return { dataset, metric, a: va, b: vb, difference: va !== null && vb !== null ? vb - va : null };
    });
}
