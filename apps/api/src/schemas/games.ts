import { z } from 'zod';
import { GAME_TYPES } from '@nba/config';
import type { StoredGame } from '@nba/db';
import { GameStatusView, IsoDate, named, Timestamp } from './common';

/** A game on the schedule, with its score once played. */
export const GameView = named(
  'Game',
  z.object({
    id: z.number().int(),
    gameKey: z.string().meta({ description: 'YYYYMMDD_AWAY_HOME' }),
    season: z.number().int().meta({ description: 'Year the season ends' }),
    date: IsoDate,
    tipoff: Timestamp.nullable(),
    home: z.string(),
    away: z.string(),
    status: GameStatusView,
    homeScore: z.number().int().nullable(),
    awayScore: z.number().int().nullable(),
    gameType: z.enum(GAME_TYPES),
    neutralSite: z.boolean().nullable(),
    isDemo: z.boolean(),
  }),
);

/** Response of `GET /v1/games`. */
export const GamesResponse = named('Games', z.object({ date: IsoDate, games: z.array(GameView) }));

export type GameViewOutput = z.output<typeof GameView>;

/** A stored game (@nba/db `gamesOnDate`) as the API shows it. */
export function gameView(g: StoredGame): GameViewOutput {
  return { ...g, tipoff: g.tipoff?.toISOString() ?? null };
}
