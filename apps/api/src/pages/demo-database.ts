import type { DbClient } from '@nba/db';

/** Whether the database holds the demo league: the pipeline never mixes demo and real data in one database, so one demo game marks it. */
export async function isDemoDatabase(db: DbClient): Promise<boolean> {
  return (await db.game.findFirst({ where: { isDemo: true }, select: { id: true } })) !== null;
}
