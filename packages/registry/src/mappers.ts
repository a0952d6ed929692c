import type { ModelArtifact, ModelEvent, ModelMetric, ModelVersion, Prisma } from '@nba/db';
import type { FeatureSpec, MetricsByDataset, ModelEventInfo, ModelVersionInfo } from './types';

type VersionRow = ModelVersion & {
  artifacts: Pick<ModelArtifact, 'role' | 'format' | 'sha256' | 'sizeBytes'>[];
  metricRows: Pick<ModelMetric, 'dataset' | 'name' | 'value'>[];
};

/** What to select with a version so it maps to {@link ModelVersionInfo} (never the artifact bytes). */
export const VERSION_INCLUDE = {
  artifacts: { select: { role: true, format: true, sha256: true, sizeBytes: true }, orderBy: { role: 'asc' } },
  metricRows: { select: { dataset: true, name: true, value: true }, orderBy: [{ dataset: 'asc' }, { name: 'asc' }] },
} satisfies Prisma.ModelVersionInclude;

function isoDate(d: Date | null): string | null {
  return d ? d.toISOString().slice(0, 10) : null;
}

/** Maps a `model_versions` row (with artifacts and metric rows) to the registry's view of it. */
export function toVersionInfo(row: VersionRow): ModelVersionInfo {
  const metrics: MetricsByDataset = {};
  for (const m of row.metricRows) (metrics[m.dataset] ??= {})[m.name] = m.value;
  return {
    id: row.id,
    name: row.name,
    version: row.version,
    status: row.status,
    kind: row.kind,
    featureSpec: row.featureSpec as unknown as FeatureSpec,
    params: (row.params ?? {}) as Record<string, unknown>,
    metrics,
    trainedFrom: isoDate(row.trainedFrom),
    trainedTo: isoDate(row.trainedTo),
    trainingGames: row.trainingGames,
    gitCommit: row.gitCommit,
    fingerprint: row.fingerprint,
    pipelineRunId: row.pipelineRunId,
    notes: row.notes,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    promotedAt: row.promotedAt,
    archivedAt: row.archivedAt,
    artifacts: row.artifacts.map((a) => ({
      role: a.role,
      format: a.format,
      sha256: a.sha256.trim(),
      sizeBytes: a.sizeBytes,
    })),
  };
}

/** Maps a `model_events` row (with its version's number) to an audit-trail entry. */
export function toEventInfo(row: ModelEvent & { modelVersion: { version: string } }): ModelEventInfo {
  return {
    id: row.id,
    name: row.modelName,
    version: row.modelVersion.version,
    action: row.action,
    fromStatus: row.fromStatus,
    toStatus: row.toStatus,
    actor: row.actor,
    reason: row.reason,
    createdAt: row.createdAt,
  };
}

/** A plain object stored in a JSON column (feature spec, params): JSON-serialisable by contract. */
export function asJson(value: object): Prisma.InputJsonObject {
  // tsc needs this assertion (an interface has no index signature); the lint's type view of Prisma's
  // JSON input type is looser and calls it unnecessary
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- see above
  return value as Prisma.InputJsonObject;
}
