import type { DbClient, ModelArtifact, ModelVersion, Prisma } from '@nba/db';
import { Booster, XGBoostError } from '@nba/xgboost';
import { sha256 } from './artifact';
import type { Registration } from './registration';
import { RegistryError, type RegistryErrorCode } from './registry-error';

type Reader = Pick<DbClient, 'modelArtifact'> | Prisma.TransactionClient;

/** What is wrong with one artifact: the error code it earns and what failed, in words. */
export interface ArtifactProblem {
  code: Extract<RegistryErrorCode, 'CHECKSUM_MISMATCH' | 'INVALID_ARTIFACT'>;
  problem: string;
}

// Digest prefixes are enough to tell two digests apart in a one-line message.
const PREFIX = 12;

/** XGBoost's own message on one line, without its timestamp. */
function oneLine(message: string): string {
  return message
    .replace(/\[\d{2}:\d{2}:\d{2}\]\s*/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Loads `bytes` with the real XGBoost library and checks it can serve `features`: the booster's
 * `num_feature` equals the feature count, its saved feature names (if any) equal the spec, and a
 * row of missing values predicts a finite margin (what the API's serving model requires too).
 * Returns what failed, or undefined when the booster is usable.
 */
export function boosterProblem(bytes: Uint8Array, features: readonly string[]): ArtifactProblem | undefined {
  let booster: Booster;
  try {
    booster = Booster.fromJSON(bytes);
  } catch (error) {
    // LIBRARY_NOT_FOUND is this machine's problem, not the artifact's: let its install hint through
    if (error instanceof XGBoostError && error.code === 'LIBRARY_NOT_FOUND') throw error;
    return { code: 'INVALID_ARTIFACT', problem: `cannot be loaded by XGBoost (${oneLine((error as Error).message)})` };
  }
  try {
    const found = booster.numFeatures;
    if (found !== features.length) {
      return {
        code: 'INVALID_ARTIFACT',
        problem: `has ${found} features (num_feature) but the feature spec lists ${features.length}`,
      };
    }
    const names = booster.featureNames;
    if (names && names.join('\u0000') !== features.join('\u0000')) {
      return {
        code: 'INVALID_ARTIFACT',
        problem: `was trained on features [${names.join(', ')}] but the feature spec lists [${features.join(', ')}]`,
      };
    }
    booster.setParams({ nthread: 1 }); // one row: threads only add OpenMP hand-offs on a busy machine
    const probe = booster.predictRow(new Float32Array(features.length).fill(NaN), { outputMargin: true });
    if (!Number.isFinite(probe))
      return { code: 'INVALID_ARTIFACT', problem: `predicts ${probe} for a row of missing values` };
    return undefined;
  } catch (error) {
    return { code: 'INVALID_ARTIFACT', problem: `cannot be used by XGBoost (${oneLine((error as Error).message)})` };
  } finally {
    booster.dispose();
  }
}

/** What is wrong with a stored artifact: its bytes against the recorded sha256 first, then the booster itself. */
export function storedArtifactProblem(
  artifact: Pick<ModelArtifact, 'content' | 'sha256'>,
  features: readonly string[],
): ArtifactProblem | undefined {
  const expected = artifact.sha256.trim();
  const actual = sha256(artifact.content);
  if (actual !== expected) {
    return {
      code: 'CHECKSUM_MISMATCH',
      problem: `is corrupted: its bytes hash to sha256 ${actual.slice(0, PREFIX)}… but ${expected.slice(0, PREFIX)}… was recorded at registration`,
    };
  }
  return boosterProblem(artifact.content, features);
}

/** The feature names of a stored version's spec, or undefined when the stored spec has none. */
function specFeatures(row: ModelVersion): string[] | undefined {
  const features = (row.featureSpec as { features?: unknown } | null)?.features;
  return Array.isArray(features) && features.length > 0 && features.every((f) => typeof f === 'string')
    ? features
    : undefined;
}

/**
 * Throws unless every stored artifact of `row` verifies (see {@link storedArtifactProblem}) and it
 * has a `win` artifact: `CHECKSUM_MISMATCH` or `INVALID_ARTIFACT`, the message starting with
 * `refusing` (e.g. "refusing to promote model 'winner' version 1.2.0") and ending with `unchanged`
 * (what stays as it was). Reads the bytes in `tx`, so what is verified is what the transaction sees.
 */
export async function assertArtifactsVerify(
  tx: Reader,
  row: ModelVersion,
  refusing: string,
  unchanged: string,
): Promise<void> {
  const refuse = (code: ArtifactProblem['code'], what: string) =>
    new RegistryError(
      code,
      `${refusing}: ${what}; ${unchanged}. Register the model again under a new version (or restore the database from a backup)`,
    );
  const features = specFeatures(row);
  if (!features) throw refuse('INVALID_ARTIFACT', 'its stored feature spec has no list of feature names');
  const artifacts = await tx.modelArtifact.findMany({ where: { modelVersionId: row.id }, orderBy: { role: 'asc' } });
  if (!artifacts.some((a) => a.role === 'win')) throw refuse('INVALID_ARTIFACT', "it has no 'win' artifact");
  for (const a of artifacts) {
    const found = storedArtifactProblem(a, features);
    if (found) throw refuse(found.code, `its '${a.role}' artifact ${found.problem}`);
  }
}

/** Throws INVALID_ARTIFACT unless XGBoost loads each artifact of a registration and it fits the feature spec. */
export function assertBoostersLoad(r: Registration): void {
  for (const a of r.artifacts) {
    const found = boosterProblem(a.content, r.featureSpec.features);
    if (found)
      throw new RegistryError(
        'INVALID_ARTIFACT',
        `the '${a.role}' artifact of model '${r.name}' version ${r.version} ${found.problem}`,
      );
  }
}
