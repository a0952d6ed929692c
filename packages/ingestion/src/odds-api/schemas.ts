import { z } from 'zod';

const outcomeSchema = z.object({ name: z.string().min(1), price: z.number(), point: z.number().nullable().optional() });
const marketSchema = z.object({
  key: z.string(),
  last_update: z.string().optional(),
  outcomes: z.array(outcomeSchema),
});
const bookmakerSchema = z.object({
  key: z.string().min(1),
  title: z.string().optional(),
  last_update: z.string(),
  markets: z.array(marketSchema),
});

/** One event of `GET /sports/basketball_nba/odds` (and of the historical snapshot's `data`). */
export const oddsApiEventSchema = z.object({
  id: z.string().min(1),
  sport_key: z.string(),
  commence_time: z.string().min(10),
  home_team: z.string().min(1),
  away_team: z.string().min(1),
  bookmakers: z.array(bookmakerSchema),
});
export type OddsApiEvent = z.infer<typeof oddsApiEventSchema>;

/** One event of `GET /sports/basketball_nba/scores`; `score` is a string, `scores` null before tip-off. */
export const oddsApiScoreSchema = z.object({
  id: z.string().min(1),
  sport_key: z.string(),
  commence_time: z.string().min(10),
  completed: z.boolean(),
  home_team: z.string().min(1),
  away_team: z.string().min(1),
  scores: z.array(z.object({ name: z.string(), score: z.string().regex(/^\d+$/) })).nullable(),
  last_update: z.string().nullable().optional(),
});
export type OddsApiScore = z.infer<typeof oddsApiScoreSchema>;

/** `GET /historical/sports/basketball_nba/odds`: the snapshot closest at or before `date`. */
export const oddsApiHistoricalSchema = z.object({
  timestamp: z.string(),
  previous_timestamp: z.string().nullable().optional(),
  next_timestamp: z.string().nullable().optional(),
  data: z.array(z.unknown()),
});

/** Error body of The Odds API (`{ message, error_code }`). */
export const oddsApiErrorSchema = z.object({ message: z.string(), error_code: z.string().optional() });
