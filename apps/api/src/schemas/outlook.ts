import { z } from 'zod';
import { SUPPORTED_DATES } from '@nba/config';
import type { StoredOutlook, TeamOutlookRow } from '@nba/lifecycle';
import { IsoDate, named, TeamCode, Timestamp } from './common';

const Probability = z.number().min(0).max(1);

/** The `?date=` of `GET /v1/outlook`: optional (the latest stored outlook when omitted). */
export const OutlookQuery = z.object({ date: IsoDate.optional() }).strict();

/** A season as the year it ends, within the supported seasons, from a query string. */
const SeasonYear = z
  .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a year') })
  .regex(/^\d{4}$/, { error: 'must be the year the season ends, e.g. 2025', abort: true })
  .transform(Number)
  .refine((y) => y >= SUPPORTED_DATES.firstSeason && y <= SUPPORTED_DATES.lastSeason, {
    error: `must be a season from ${SUPPORTED_DATES.firstSeason} to ${SUPPORTED_DATES.lastSeason} (the year it ends)`,
  })
  .meta({ description: 'The year the season ends', example: '2025' });

/** The query of `GET /v1/outlook/history`. */
export const OutlookHistoryQuery = z.object({ team: TeamCode, season: SeasonYear }).strict();

/** One team's odds on one morning. */
export const TeamOutlookView = named(
  'TeamOutlook',
  z.object({
    date: IsoDate,
    team: z.string(),
    conference: z.enum(['East', 'West']),
    wins: z.number().int().meta({ description: 'Wins before the morning' }),
    losses: z.number().int(),
    rating: z.number().meta({ description: 'Rating (points per game against an average team)' }),
    winsMean: z.number().meta({ description: 'Projected regular-season wins (mean over the simulations)' }),
    winsP10: z.number(),
    winsP90: z.number(),
    seedProbs: z
      .array(Probability)
      .meta({ description: 'P(regular-season position k+1 in the conference), k = 0..14' }),
    topSeed: Probability,
    makePlayin: Probability,
    makePlayoffs: Probability,
    makeConfSemis: Probability,
    makeConfFinals: Probability,
    makeFinals: Probability,
    winFinals: Probability.meta({ description: 'P(title)' }),
  }),
);

/** Response of `GET /v1/outlook`. */
export const OutlookResponse = named(
  'Outlook',
  z.object({
    date: IsoDate,
    season: z.number().int().meta({ description: 'Year the season ends' }),
    simulations: z.number().int(),
    seed: z.number().int(),
    ratingModel: z.string(),
    ratingVersion: z.string(),
    isDemo: z.boolean(),
    computedAt: Timestamp,
    teams: z
      .array(TeamOutlookView)
      .meta({ description: 'By conference (East first), then by P(playoffs), highest first' }),
  }),
);

/** Response of `GET /v1/outlook/history`. */
export const OutlookHistoryResponse = named(
  'OutlookHistory',
  z.object({
    team: z.string(),
    season: z.number().int(),
    history: z.array(TeamOutlookView).meta({ description: 'Every stored date, oldest first' }),
  }),
);

/** A stored outlook as the API shows it. */
export function outlookView(o: StoredOutlook): z.output<typeof OutlookResponse> {
  return { ...o, computedAt: o.computedAt.toISOString(), teams: o.teams.map(teamOutlookView) };
}

/** A team's stored row as the API shows it. */
export function teamOutlookView(r: TeamOutlookRow): z.output<typeof TeamOutlookView> {
  return { ...r, seedProbs: [...r.seedProbs] };
}
