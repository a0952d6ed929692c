import { buildFeatures } from '@nba/features';
import { assembleDataset } from './dataset';
import { toRegistration } from './registration';
import { ServingModel } from './serving-model';
import { synthetic } from './synthetic-league.fixture';
import { disposeModel, trainModel } from './train';

describe('registry round trip', () => {
  it('rebuilds a model from its registration parts that predicts identically', () => {
    const { games, lines } = synthetic();
    const { rows, state } = buildFeatures(games, lines);
    const model = trainModel(assembleDataset(rows), 'stats');
    const reg = toRegistration(model);
    expect(Object.keys(reg.artifacts).sort()).toEqual(['margin', 'total', 'win']);
    expect((JSON.parse(reg.artifacts.win) as { learner?: unknown }).learner).toBeDefined();
    expect(reg.featureSpec.features).toEqual(model.spec.features);
    expect(reg.trainingGames).toBe(model.trainedOn.games);
    // What a registry stores is JSON: go through it.
    const back = ServingModel.fromRegistration(
      { params: JSON.parse(JSON.stringify(reg.params)), featureSpec: reg.featureSpec },
      reg.artifacts,
    );
    const matchup = {
      home: 'BOS',
      away: 'LAL',
      date: '2003-04-01',
      season: 2003,
      gameType: 'regular' as const,
      neutral: false,
    };
    const a = ServingModel.fromTrained(model).predictMatchup(state, matchup);
    const b = back.predictMatchup(state, matchup);
    expect(b.homeWinProbability).toBe(a.homeWinProbability);
    expect(b.expectedMargin).toBe(a.expectedMargin);
    expect(b.expectedTotal).toBe(a.expectedTotal);
    disposeModel(model);
    back.dispose();
  });

  it('refuses parts that are not a model bundle', () => {
    expect(() => ServingModel.fromRegistration({ params: {} }, { win: '{}' })).toThrow(/unknown model bundle format/);
  });
});

describe('a broken artifact', () => {
  it("is refused as an invalid model, naming XGBoost's reason", () => {
    const { games, lines } = synthetic();
    const model = trainModel(assembleDataset(buildFeatures(games, lines).rows), 'stats');
    const reg = toRegistration(model);
    disposeModel(model);
    expect(() => ServingModel.fromRegistration(reg, { ...reg.artifacts, total: '{"learner": "truncated' })).toThrow(
      /cannot load the model's boosters/,
    );
  });
});
