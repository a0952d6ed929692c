import { buildFeatures } from '@nba/features';
import { assembleDataset } from './dataset';
import { predictMatchup } from './predict';
import { fromRegistration, toRegistration } from './registration';
import { synthetic } from './synthetic-league.fixture';
import { disposeModel, trainModel } from './train';

describe('registry round trip', () => {
  it('rebuilds a model from its registration parts that predicts identically', () => {
    const { games, lines } = synthetic();
    const { rows, state } = buildFeatures(games, lines);
    const model = trainModel(assembleDataset(rows), 'stats');
    const reg = toRegistration(model);
    expect(Object.keys(reg.artifacts).sort()).toEqual(['margin', 'total', 'win']);
    expect(JSON.parse(reg.artifacts.win).learner).toBeDefined();
    expect(reg.featureSpec.features).toEqual(model.spec.features);
    expect(reg.trainingGames).toBe(model.trainedOn.games);
    // What a registry stores is JSON: go through it.
    const back = fromRegistration(JSON.parse(JSON.stringify(reg.params)), reg.artifacts);
    const matchup = { home: 'BOS', away: 'LAL', date: '2003-04-01', season: 2003, gameType: 'regular' as const, neutral: false };
    const a = predictMatchup(model, state, matchup);
    const b = predictMatchup(back, state, matchup);
    expect(b.homeWinProbability).toBe(a.homeWinProbability);
    expect(b.expectedMargin).toBe(a.expectedMargin);
    expect(b.expectedTotal).toBe(a.expectedTotal);
    disposeModel(model);
    disposeModel(back);
  });

  it('refuses parts that are not a model bundle', () => {
    expect(() => fromRegistration({}, { win: '{}' })).toThrow(/unknown model bundle format/);
  });
});

describe('a broken artifact', () => {
  it('is refused as an invalid model, naming XGBoost\'s reason', () => {
    const { games, lines } = synthetic();
    const model = trainModel(assembleDataset(buildFeatures(games, lines).rows), 'stats');
    const reg = toRegistration(model);
    disposeModel(model);
    expect(() => fromRegistration(reg.params, { ...reg.artifacts, total: '{"learner": "truncated' })).toThrow(/cannot load the model's boosters/);
  });
});
