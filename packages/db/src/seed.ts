import type { DbClient } from './client';
import { TEAMS } from '@nba/config';

/** Inserts or refreshes the 30 teams. Idempotent. */
export async function seedTeams(db: DbClient): Promise<number> {
  await db.$transaction(
    TEAMS.map(({ arena: _arena, city: _city, ...t }) =>
      db.team.upsert({
        where: { code: t.code },
        create: t,
        update: t,
      }),
    ),
  );
  return TEAMS.length;
}
