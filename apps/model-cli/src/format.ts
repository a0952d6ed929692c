import { table } from '@nba/cli';
import type { ModelVersionInfo } from '@nba/registry';

/** `2026-11-26 17:06Z`, or `-`. */
export function when(d: Date | string | null | undefined): string {
  if (d === null || d === undefined) return '-';
  const iso = typeof d === 'string' ? d : d.toISOString();
  return `${iso.slice(0, 16).replace('T', ' ')}Z`;
}

/** A metric value with 4 decimals, or `-`. */
export function num(v: number | null | undefined, signed = false): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '-';
  const s = v.toFixed(4);
  return signed && v >= 0 ? `+${s}` : s;
}

/** `winner 1.1.0`. */
export function label(v: { name: string; version: string }): string {
  return `${v.name} ${v.version}`;
}

/** The headline validation metrics of a version, e.g. `logLoss 0.6400, brier 0.2250`. */
export function headline(v: ModelVersionInfo): string {
  const m = v.metrics.validation ?? Object.values(v.metrics)[0] ?? {};
  const parts = Object.entries(m).map(([k, x]) => `${k} ${num(x)}`);
  return parts.length ? parts.join(', ') : '-';
}

/** The many-line description of one version (`show`, `production --name`). */
export function describeVersion(v: ModelVersionInfo): string {
  const lines = [
    `${v.name} ${v.version}  [${v.status}]`,
    `  registered   ${when(v.createdAt)} by ${v.createdBy}`,
    `  promoted     ${when(v.promotedAt)}`,
    `  archived     ${when(v.archivedAt)}`,
    `  trained on   ${v.trainedFrom ?? '?'} .. ${v.trainedTo ?? '?'}${v.trainingGames !== null ? ` (${v.trainingGames} games)` : ''}`,
    `  git commit   ${v.gitCommit ?? '-'}`,
    `  features     ${v.featureSpec.name} v${v.featureSpec.version}: ${v.featureSpec.features.join(', ')}`,
    `  params       ${Object.keys(v.params).length ? JSON.stringify(v.params) : '-'}`,
    `  notes        ${v.notes ?? '-'}`,
    '  artifacts',
    ...v.artifacts.map((a) => `    ${a.role.padEnd(7)} ${a.format}  ${a.sizeBytes} bytes  sha256 ${a.sha256}`),
  ];
  const metricRows = Object.entries(v.metrics).flatMap(([dataset, values]) =>
    Object.entries(values).map(([k, x]) => [dataset, k, num(x)]),
  );
  if (metricRows.length) {
    lines.push('  metrics');
    lines.push(
      ...table(['DATASET', 'METRIC', 'VALUE'], metricRows)
        .split('\n')
        .map((l) => `    ${l}`),
    );
  }
  return lines.join('\n');
}
