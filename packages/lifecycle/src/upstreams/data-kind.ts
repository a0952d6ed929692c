import type { DbClient } from '@nba/db';
import { LifecycleError } from '../lifecycle-error';

const ELSEWHERE = 'DATABASE_URL, or NBA_DATA_DIR for the embedded database';

/**
 * Refuses (`MIXED_DATA`), before any work, a demo run on a database that holds real games, and a
 * real run (the APIs or CSV files) on one that holds demo games: a model trained on both, or
 * forecasts of generated games beside real ones, would be wrong without anyone noticing.
 */
export async function assertSameDataKind(db: DbClient, demo: boolean): Promise<void> {
  const other = await db.game.findFirst({ where: { isDemo: !demo }, select: { source: true } });
  if (!other) return;
  const count = await db.game.count({ where: { isDemo: !demo } });
  if (demo) {
    throw new LifecycleError(
      'MIXED_DATA',
      `this database holds ${count} real games (source ${other.source}); demo mode would mix a generated league into them. ` +
        `Set both API_BASKETBALL_KEY and THE_ODDS_API_KEY to run on the real APIs, or give the demo a database of its own (${ELSEWHERE}).`,
    );
  }
  throw new LifecycleError(
    'MIXED_DATA',
    `this database holds ${count} demo games (a generated league); a real run would train and predict on them. ` +
      `Use a database of its own for real data (${ELSEWHERE}), or drop the demo database first.`,
  );
}
