import type { DbClient } from './client';
import { databaseProblemOf } from './database-problem';

/**
 * Asks the database for `SELECT 1`: undefined when it answers within `timeoutMs`, else the kind of
 * problem (`unavailable`, `not_migrated`, ... as {@link databaseProblemOf} classifies it), for a
 * readiness probe. Never throws; the operator's line (with the server's address) belongs in the logs.
 */
export async function pingDatabase(db: DbClient, timeoutMs: number): Promise<string | undefined> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const answered = await Promise.race([
      db.$queryRaw`SELECT 1`.then(() => true),
      new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs);
      }),
    ]);
    return answered ? undefined : `unavailable: no answer within ${timeoutMs} ms`;
  } catch (err) {
    return databaseProblemOf(err)?.kind ?? 'unavailable';
  } finally {
    clearTimeout(timer);
  }
}
