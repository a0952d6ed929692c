import fs from 'node:fs';
import { buildFeatures, parseGamesCsv, parseOddsCsv, type ClosingLine, type FeatureState, type GameRecord, type LineLookup, type Variant } from '@nba/features';
import { assembleDataset } from './dataset';
import { ModelingError } from './errors';
import { trainModel, type TrainedModel, type TrainOptions } from './train';

/** Reads games.csv and (optionally) odds.csv files. */
export function loadGamesCsv(gamesPath: string, oddsPath?: string): { games: GameRecord[]; lines: Map<string, ClosingLine> } {
  try {
    const games = parseGamesCsv(fs.readFileSync(gamesPath, 'utf8'));
    const lines = oddsPath ? parseOddsCsv(fs.readFileSync(oddsPath, 'utf8')) : new Map<string, ClosingLine>();
    return { games, lines };
  } catch (err) {
    throw new ModelingError('INVALID_INPUT', `cannot read ${gamesPath}${oddsPath ? ` / ${oddsPath}` : ''}: ${(err as Error).message}`, { cause: err });
  }
}

/**
 * Trains the given variants on every finished game of a history and returns the models with the
 * feature state after the last day (ready for `ServingModel.predictMatchup` on later dates).
 */
export function trainOnHistory(
  games: readonly GameRecord[],
  lines: LineLookup,
  variants: readonly Variant[],
  options: TrainOptions = {},
): { models: TrainedModel[]; state: FeatureState } {
  const { rows, state } = buildFeatures(games, lines);
  const ds = assembleDataset(rows);
  return { models: variants.map((v) => trainModel(ds, v, options)), state };
}
