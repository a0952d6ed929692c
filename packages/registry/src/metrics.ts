import { RegistryError } from './registry-error';
import type { MetricsByDataset } from './types';

/** Dataset that flat metrics (`{logLoss: 0.62}`) belong to. */
export const DEFAULT_METRICS_DATASET = 'validation';

/**
 * Normalises registration metrics to `{dataset: {metric: value}}`: top-level numbers go to the
 * `validation` dataset, top-level objects are datasets. Non-finite values are refused.
 */
export function normalizeMetrics(
  metrics: Record<string, number | Record<string, number>> | undefined,
  where: string,
): MetricsByDataset {
  const out: MetricsByDataset = {};
  const put = (dataset: string, metric: string, value: unknown): void => {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new RegistryError(
        'INVALID_INPUT',
        `${where}: metric ${dataset}.${metric} must be a finite number, got ${JSON.stringify(value)}`,
      );
    }
    (out[dataset] ??= {})[metric] = value;
  };
  for (const [key, value] of Object.entries(metrics ?? {})) {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [metric, v] of Object.entries(value)) put(key, metric, v);
    } else {
      put(DEFAULT_METRICS_DATASET, key, value);
    }
  }
  return out;
}

/** Rows for the `model_metrics` table. */
export function metricRows(metrics: MetricsByDataset): { dataset: string; name: string; value: number }[] {
  return Object.entries(metrics).flatMap(([dataset, values]) =>
    Object.entries(values).map(([name, value]) => ({ dataset, name, value })),
  );
}
