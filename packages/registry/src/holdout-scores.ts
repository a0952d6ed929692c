import type { DbClient } from '@nba/db';

/** A version's out-of-sample log loss recorded at registration. */
export interface HoldoutLogLoss {
  name: string;
  version: string;
  logLoss: number;
}

/** Each version's out-of-sample log loss recorded at registration: its latest holdout season's (`holdout-<season>` metrics). */
export function holdoutLogLosses(db: DbClient): Promise<HoldoutLogLoss[]> {
  return db.$queryRaw<HoldoutLogLoss[]>`
    SELECT DISTINCT ON (mv.id) mv.name, mv.version, m.value::float8 AS "logLoss"
      FROM model_metrics m JOIN model_versions mv ON mv.id = m.model_version_id
     WHERE m.dataset LIKE 'holdout-%' AND m.name = 'logLoss'
     ORDER BY mv.id, m.dataset DESC`;
}
