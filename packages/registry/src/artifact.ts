import { createHash } from 'node:crypto';
import { RegistryError } from './registry-error';

/** Roles a version's artifacts can have: `win` (required), `margin`, `total`. */
export const ARTIFACT_ROLES = ['win', 'margin', 'total'] as const;
export type ArtifactRole = (typeof ARTIFACT_ROLES)[number];

/** The only artifact format stored: XGBoost's JSON model. */
export const ARTIFACT_FORMAT = 'xgboost-json';

/** Hex sha256 of `bytes`. */
export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** UTF-8 bytes of an artifact given as text or bytes. */
export function artifactBytes(content: string | Uint8Array): Uint8Array<ArrayBuffer> {
  return typeof content === 'string' ? new Uint8Array(Buffer.from(content, 'utf8')) : new Uint8Array(content);
}

/** What an XGBoost JSON model says about itself. */
export interface ArtifactSummary {
  numFeatures?: number;
  featureNames?: string[];
  objective?: string;
}

/**
 * Checks that `bytes` is an XGBoost JSON model (parseable JSON with a `learner` object) and returns
 * what it declares; throws INVALID_ARTIFACT naming the model, version and role otherwise.
 */
export function inspectArtifact(bytes: Uint8Array, where: string): ArtifactSummary {
  let doc: unknown;
  try {
    doc = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch (cause) {
    throw new RegistryError(
      'INVALID_ARTIFACT',
      `${where} is not JSON; save the model with XGBoost's JSON format (booster.save_model('model.json'))`,
      {
        cause,
      },
    );
  }
  const learner = (doc as { learner?: unknown } | null)?.learner;
  if (!learner || typeof learner !== 'object' || Array.isArray(learner)) {
    throw new RegistryError(
      'INVALID_ARTIFACT',
      `${where} is JSON but not an XGBoost model (no "learner" object); save the model with XGBoost's JSON format`,
    );
  }
  const l = learner as {
    learner_model_param?: { num_feature?: unknown };
    feature_names?: unknown;
    objective?: { name?: unknown };
  };
  const numFeatures = Number(l.learner_model_param?.num_feature);
  const names = Array.isArray(l.feature_names) && l.feature_names.length > 0 ? l.feature_names.map(String) : undefined;
  return {
    numFeatures: Number.isFinite(numFeatures) && numFeatures > 0 ? numFeatures : undefined,
    featureNames: names,
    objective: typeof l.objective?.name === 'string' ? l.objective.name : undefined,
  };
}

/** Throws CHECKSUM_MISMATCH unless `bytes` hash to `expected`. */
export function verifyChecksum(bytes: Uint8Array, expected: string, where: string): void {
  const actual = sha256(bytes);
  if (actual !== expected.trim()) {
    throw new RegistryError(
      'CHECKSUM_MISMATCH',
      `${where} is corrupted: its sha256 is ${actual} but ${expected.trim()} was recorded at registration; refusing to load it. Register the model again ` +
        `under a new version (or restore the database from a backup)`,
    );
  }
}
