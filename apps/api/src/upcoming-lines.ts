import { GameStatus, type DbClient } from '@nba/db';
import type { ClosingLine } from '@nba/games';
import { loadFeatureInputs } from '@nba/ingestion';

/** Key of an upcoming game: `date|home|away`. */
export function lineKey(date: string, home: string, away: string): string {
  return `${date}|${home}|${away}`;
}

/** Every game status: a stored line is served for the requested date and teams whatever became of the game. */
const ANY_STATUS = Object.values(GameStatus);

/**
 * Lines of the stored games after `asOf` (all games when null), by {@link lineKey}: per market,
 * the closing line so far (the latest snapshot before tip-off, @nba/ingestion `closingLines`).
 */
export async function latestLines(db: DbClient, asOf: string | null): Promise<Map<string, ClosingLine>> {
  const { games, lines } = await loadFeatureInputs(db, { after: asOf, statuses: ANY_STATUS });
  const out = new Map<string, ClosingLine>();
  for (const g of games) {
    const line = lines.get(g.id);
    if (line) out.set(lineKey(g.date, g.home, g.away), line);
  }
  return out;
}
