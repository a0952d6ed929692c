import { createHash } from 'node:crypto';
import { featureSpec, type Variant } from '@nba/features';
import type { Dataset } from './dataset';
import { DEFAULT_PARAMS, type ModelParams } from './params';

/**
 * Version of this package's training code as far as results go: bump it whenever a change to
 * training, blending or serialisation makes the same inputs give a different model, so that such a
 * model is never mistaken for one trained before the change.
 */
export const TRAINING_CODE_VERSION = '3';

/** What a model would be trained from, identified by a hash (see {@link trainingFingerprint}). */
export interface TrainingFingerprint {
  /** `sha256:` and the hex digest. */
  fingerprint: string;
  /** Finished games in the training set. */
  games: number;
  /** Date of the last of them (`YYYY-MM-DD`), or null for an empty set. */
  lastDate: string | null;
}

/**
 * Identifies what `trainModel(ds, variant, { params })` would be trained from: every game of the
 * set (id, date, its full pre-game feature vector, which carries the closing line, and its result),
 * their count, the parameters, the feature spec and the training code version. Equal fingerprints
 * mean the same model (training is deterministic); any changed input changes it.
 */
export function trainingFingerprint(
  ds: Dataset,
  variant: Variant,
  params: ModelParams = DEFAULT_PARAMS,
): TrainingFingerprint {
  const hash = createHash('sha256');
  const header = { code: TRAINING_CODE_VERSION, variant, spec: featureSpec(variant), params, games: ds.rows.length };
  hash.update(JSON.stringify(header));
  ds.rows.forEach((r, i) => {
    hash.update(`\n${r.game.id}|${r.game.date}|${ds.homeWin[i]}|${ds.margin[i]}|${ds.total[i]}|`);
    hash.update(new Uint8Array(r.values.buffer, r.values.byteOffset, r.values.byteLength));
  });
  const last = ds.rows[ds.rows.length - 1];
  return { fingerprint: `sha256:${hash.digest('hex')}`, games: ds.rows.length, lastDate: last ? last.game.date : null };
}
