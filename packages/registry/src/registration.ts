import { ARTIFACT_FORMAT, ARTIFACT_ROLES, artifactBytes, inspectArtifact, sha256 } from './artifact';
import { metricRows, normalizeMetrics } from './metrics';
import { RegistryError } from './registry-error';
import { assertSemver } from './semver';
import {
  FORECAST_KINDS,
  type FeatureSpec,
  type ForecastKindName,
  type MetricsByDataset,
  type RegisterInput,
} from './types';

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const FINGERPRINT = /^[A-Za-z0-9:._-]{1,200}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A validated registration, ready to be written. */
export interface Registration {
  name: string;
  version: string;
  featureSpec: FeatureSpec;
  params: Record<string, unknown>;
  metrics: MetricsByDataset;
  metricRows: { dataset: string; name: string; value: number }[];
  artifacts: { role: string; format: string; content: Uint8Array<ArrayBuffer>; sha256: string; sizeBytes: number }[];
  trainedFrom: Date | null;
  trainedTo: Date | null;
  trainingGames: number | null;
  gitCommit: string | null;
  fingerprint: string | null;
  pipelineRunId: string | null;
  notes: string | null;
  kind: ForecastKindName;
}

/** Throws INVALID_INPUT unless `name` can name a model (letters, digits, `.`, `_`, `-`). */
export function assertModelName(name: string): void {
  if (typeof name !== 'string' || !NAME.test(name)) {
    throw new RegistryError(
      'INVALID_INPUT',
      `model name ${JSON.stringify(name)} is not valid; use letters, digits, '.', '_' or '-' (at most 100), e.g. 'winner'`,
    );
  }
}

function parseDate(value: string | undefined, field: string, where: string): Date | null {
  if (value === undefined || value === null || value === '') return null;
  const d = new Date(`${value}T00:00:00Z`);
  if (!DATE.test(value) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) {
    throw new RegistryError(
      'INVALID_INPUT',
      `${where}: ${field} must be a date YYYY-MM-DD, got ${JSON.stringify(value)}`,
    );
  }
  return d;
}

function validateFeatureSpec(spec: FeatureSpec | undefined, where: string): FeatureSpec {
  const ok =
    spec !== undefined &&
    typeof spec.name === 'string' &&
    spec.name !== '' &&
    typeof spec.version === 'string' &&
    spec.version !== '' &&
    Array.isArray(spec.features) &&
    spec.features.length > 0 &&
    spec.features.every((f) => typeof f === 'string' && f !== '');
  if (!ok) {
    throw new RegistryError(
      'INVALID_INPUT',
      `${where}: featureSpec needs a name, a version and a non-empty list of feature names (in the model's column order)`,
    );
  }
  const dup = spec.features.find((f, i) => spec.features.indexOf(f) !== i);
  if (dup !== undefined)
    throw new RegistryError('INVALID_INPUT', `${where}: feature '${dup}' appears twice in featureSpec.features`);
  return { name: spec.name, version: spec.version, features: [...spec.features] };
}

/** Validates a registration (name, semver, artifacts against the feature spec, metrics, dates). */
export function prepareRegistration(input: RegisterInput): Registration {
  assertModelName(input.name);
  assertSemver(input.name, input.version);
  const where = `model '${input.name}' version ${input.version}`;
  const featureSpec = validateFeatureSpec(input.featureSpec, where);
  if (input.artifacts?.win === undefined) {
    throw new RegistryError('INVALID_ARTIFACT', `${where}: the 'win' artifact (XGBoost JSON model) is required`);
  }
  const artifacts: Registration['artifacts'] = [];
  for (const role of ARTIFACT_ROLES) {
    const content = input.artifacts[role];
    if (content === undefined) continue;
    const bytes = artifactBytes(content);
    const at = `the '${role}' artifact of ${where}`;
    const summary = inspectArtifact(bytes, at);
    const n = featureSpec.features.length;
    if (summary.numFeatures !== undefined && summary.numFeatures !== n) {
      throw new RegistryError(
        'INVALID_ARTIFACT',
        `${at} expects ${summary.numFeatures} features but the feature spec lists ${n}; register it with the feature spec it was trained on`,
      );
    }
    if (summary.featureNames && summary.featureNames.join('\u0000') !== featureSpec.features.join('\u0000')) {
      throw new RegistryError(
        'INVALID_ARTIFACT',
        `${at} was trained on features [${summary.featureNames.join(', ')}] but the feature spec lists [${featureSpec.features.join(', ')}]`,
      );
    }
    artifacts.push({
      role,
      format: ARTIFACT_FORMAT,
      content: bytes,
      sha256: sha256(bytes),
      sizeBytes: bytes.byteLength,
    });
  }
  const trainedFrom = parseDate(input.trainedFrom, 'trainedFrom', where);
  const trainedTo = parseDate(input.trainedTo, 'trainedTo', where);
  if (trainedFrom && trainedTo && trainedFrom > trainedTo) {
    throw new RegistryError(
      'INVALID_INPUT',
      `${where}: trainedFrom ${input.trainedFrom} is after trainedTo ${input.trainedTo}`,
    );
  }
  if (input.trainingGames !== undefined && !(Number.isInteger(input.trainingGames) && input.trainingGames >= 0)) {
    throw new RegistryError(
      'INVALID_INPUT',
      `${where}: trainingGames must be a whole number >= 0, got ${input.trainingGames}`,
    );
  }
  if (input.fingerprint !== undefined && !FINGERPRINT.test(input.fingerprint)) {
    throw new RegistryError(
      'INVALID_INPUT',
      `${where}: fingerprint must be 1-200 letters, digits or ':._-', got ${JSON.stringify(input.fingerprint)}`,
    );
  }
  if (input.pipelineRunId !== undefined && !UUID.test(input.pipelineRunId)) {
    throw new RegistryError(
      'INVALID_INPUT',
      `${where}: pipelineRunId must be a run id (a UUID), got ${JSON.stringify(input.pipelineRunId)}`,
    );
  }
  if (input.kind !== undefined && !FORECAST_KINDS.includes(input.kind)) {
    throw new RegistryError(
      'INVALID_INPUT',
      `${where}: kind must be one of ${FORECAST_KINDS.join(', ')}, got ${JSON.stringify(input.kind)}`,
    );
  }
  const metrics = normalizeMetrics(input.metrics, where);
  return {
    name: input.name,
    version: input.version,
    featureSpec,
    params: input.params ?? {},
    metrics,
    metricRows: metricRows(metrics),
    artifacts,
    trainedFrom,
    trainedTo,
    trainingGames: input.trainingGames ?? null,
    gitCommit: input.gitCommit ?? null,
    fingerprint: input.fingerprint ?? null,
    pipelineRunId: input.pipelineRunId ?? null,
    notes: input.notes ?? null,
    kind: input.kind ?? 'live',
  };
}
