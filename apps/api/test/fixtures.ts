// Shared test and benchmark material: a synthetic but realistic league history, a real XGBoost
// model trained on it with @nba/modeling (real feature spec), registered and promoted with the
// real registry, and an app wired to a real PostgreSQL database.
import {
  assembleDataset,
  DEFAULT_PARAMS,
  disposeModel,
  toRegistration,
  trainModel,
  type ModelParams,
  type TrainedModel,
} from '@nba/modeling';
import { buildFeatures, TEAM_CODES, type LineLookup, type Variant } from '@nba/features';
import { type ClosingLine, type GameRecord } from '@nba/games';
import { addDays } from '@nba/config';
import type { DbClient } from '@nba/db';
import { ModelRegistry } from '@nba/registry';

/** Deterministic pseudo-random numbers in [0, 1). */
export function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function normal(rand: () => number): number {
  return Math.sqrt(-2 * Math.log(rand() + 1e-12)) * Math.cos(2 * Math.PI * rand());
}

/**
 * A league history: every season from late October for `days` days, 3-8 games a day between
 * distinct teams, scores drawn from fixed team strengths plus home court and noise.
 */
export function syntheticHistory(options: { seasons: number[]; days?: number; seed?: number }): GameRecord[] {
  const rand = lcg(options.seed ?? 42);
  const strength = new Map(TEAM_CODES.map((t) => [t, normal(rand) * 5]));
  const games: GameRecord[] = [];
  for (const season of options.seasons) {
    const start = `${season - 1}-10-24`;
    for (let d = 0; d < (options.days ?? 160); d++) {
      const date = addDays(start, d);
      const teams = [...TEAM_CODES].sort(() => rand() - 0.5);
      const n = 3 + Math.floor(rand() * 6);
      for (let g = 0; g < n; g++) {
        const home = teams[2 * g] as string;
        const away = teams[2 * g + 1] as string;
        const margin = (strength.get(home) as number) - (strength.get(away) as number) + 2.5 + normal(rand) * 12;
        const total = 222 + normal(rand) * 18;
        let homePts = Math.round((total + margin) / 2);
        const awayPts = Math.round((total - margin) / 2);
        if (homePts === awayPts) homePts += 1;
        games.push({
          id: `${date.replaceAll('-', '')}_${away}_${home}`,
          season,
          date,
          home,
          away,
          gameType: 'regular',
          neutral: false,
          homePts,
          awayPts,
        });
      }
    }
  }
  return games;
}

/** Writes games (final when they have scores, else scheduled). */
export async function insertGames(db: DbClient, games: readonly GameRecord[]): Promise<void> {
  for (let i = 0; i < games.length; i += 1000) {
    await db.game.createMany({
      data: games.slice(i, i + 1000).map((g) => ({
        gameKey: g.id,
        season: g.season,
        date: new Date(`${g.date}T00:00:00Z`),
        tipoff: new Date(`${g.date}T23:30:00Z`),
        homeCode: g.home,
        awayCode: g.away,
        status: g.homePts === undefined ? 'scheduled' : 'final',
        homeScore: g.homePts ?? null,
        awayScore: g.awayPts ?? null,
        gameType: g.gameType,
        neutralSite: g.neutral,
        source: 'test',
      })),
    });
  }
}

/** Small, fast training settings (the defaults with few rounds). */
export function quickParams(rounds = 40): ModelParams {
  const short = (s: ModelParams['win']) => ({ ...s, numRounds: rounds, earlyStoppingRounds: 10 });
  return {
    ...DEFAULT_PARAMS,
    win: short(DEFAULT_PARAMS.win),
    margin: short(DEFAULT_PARAMS.margin),
    total: short(DEFAULT_PARAMS.total),
  };
}

/** Closing lines for a history: a noisy spread around the true margin, moneylines from it, a total. */
export function syntheticLines(games: readonly GameRecord[], seed = 7): Map<string, ClosingLine> {
  const rand = lcg(seed);
  const lines = new Map<string, ClosingLine>();
  for (const g of games) {
    const margin = (g.homePts ?? 0) - (g.awayPts ?? 0);
    const spreadHome = Math.round(2 * -(0.3 * margin + normal(rand) * 5)) / 2;
    const p = 1 / (1 + Math.exp(spreadHome / 6.5));
    const ml = (q: number) => (q >= 0.5 ? Math.round((-100 * q) / (1 - q)) - 10 : Math.round((100 * (1 - q)) / q) + 10);
    lines.set(g.id, {
      spreadHome,
      homeMl: ml(p),
      awayMl: ml(1 - p),
      total: Math.round(2 * (222 + normal(rand) * 6)) / 2,
    });
  }
  return lines;
}

/** Trains a model variant on the finished games of a history. */
export function trainOn(
  games: readonly GameRecord[],
  variant: Variant = 'stats',
  rounds = 40,
  lines?: LineLookup,
): TrainedModel {
  const { rows } = buildFeatures(games, lines);
  return trainModel(assembleDataset(rows), variant, { params: quickParams(rounds) });
}

/** Registers a trained model as `name`@`version` the way the pipeline does (`toRegistration`), optionally promoting it. */
export async function registerModel(
  registry: ModelRegistry,
  model: TrainedModel,
  name: string,
  version: string,
  options: { promote?: boolean } = {},
): Promise<void> {
  await registry.registerVersion({ name, version, ...toRegistration(model), createdBy: 'api-test' });
  if (options.promote) await registry.promoteVersion(name, version, { actor: 'api-test', reason: 'test' });
}

export { disposeModel };
