import { z } from 'zod';
import { GAME_TYPES, parseIsoDate } from '@nba/config';
import { isTeamCode } from '../teams';

const GAME_STATUSES = ['scheduled', 'live', 'final', 'postponed', 'cancelled'] as const;
const ODDS_MARKETS = ['h2h', 'spreads', 'totals'] as const;

const isoDate = z.string().refine((d) => {
  try {
    parseIsoDate(d);
    return true;
  } catch {
    return false;
  }
}, 'expected a calendar date YYYY-MM-DD');
const teamCode = z.string().refine(isTeamCode, { error: (iss) => `unknown team code '${String(iss.input)}'` });
// No upper bound here: src/plausibility decides what is plausible (and quarantines, rather than rejects, the rest).
const score = z.number().int().min(0).nullable().optional();
const american = z
  .number()
  .int()
  .refine((p) => p <= -100 || p >= 100, 'American odds are <= -100 or >= 100')
  .nullable()
  .optional();
const instant = z.date().refine((d) => !Number.isNaN(d.getTime()), 'invalid date');

/**
 * A game as an upstream reports it, already normalised to our codes. Fields left undefined keep
 * what the database has (or the default on insert); ids are never cleared by a null.
 */
export const gameRecordSchema = z
  .object({
    date: isoDate,
    homeCode: teamCode,
    awayCode: teamCode,
    season: z.number().int().min(1947).max(2100).optional(),
    tipoff: instant.nullable().optional(),
    status: z.enum(GAME_STATUSES).optional(),
    homeScore: score,
    awayScore: score,
    gameType: z.enum(GAME_TYPES).optional(),
    neutralSite: z.boolean().nullable().optional(),
    apiBasketballId: z.number().int().positive().nullable().optional(),
    oddsApiId: z.string().min(1).nullable().optional(),
    source: z.string().min(1),
  })
  .refine((g) => g.homeCode !== g.awayCode, 'home and away are the same team')
  .refine(
    (g) => g.status !== 'final' || (typeof g.homeScore === 'number' && typeof g.awayScore === 'number'),
    'a final game needs both scores',
  )
  .refine((g) => g.status !== 'final' || g.homeScore !== g.awayScore, 'a final NBA game cannot be a tie');
export type GameRecord = z.infer<typeof gameRecordSchema>;

/** One bookmaker's line for one market of a game at a capture time. */
export const snapshotRecordSchema = z
  .object({
    gameKey: z.string().regex(/^\d{8}_[A-Z]{3}_[A-Z]{3}$/, 'expected YYYYMMDD_AWAY_HOME'),
    bookmaker: z.string().min(1),
    market: z.enum(ODDS_MARKETS),
    capturedAt: instant,
    homePrice: american,
    awayPrice: american,
    homePoint: z.number().finite().nullable().optional(),
    totalPoint: z.number().finite().positive().nullable().optional(),
    overPrice: american,
    underPrice: american,
    source: z.string().min(1),
  })
  .refine((s) => s.market !== 'h2h' || (s.homePrice != null && s.awayPrice != null), 'h2h needs both prices')
  .refine((s) => s.market !== 'spreads' || s.homePoint != null, 'spreads needs the home point')
  .refine((s) => s.market !== 'totals' || s.totalPoint != null, 'totals needs the total');
export type SnapshotRecord = z.infer<typeof snapshotRecordSchema>;
