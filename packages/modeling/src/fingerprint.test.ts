import { required } from '@nba/errors';
import { buildFeatures } from '@nba/features';
import { assembleDataset } from './dataset';
import { trainingFingerprint } from './fingerprint';
import { DEFAULT_PARAMS } from './params';
import { synthetic } from './synthetic-league.fixture';
import { disposeModel, trainModel } from './train';
import { toRegistration } from './registration';

const datasetOf = (league: ReturnType<typeof synthetic>) =>
  assembleDataset(buildFeatures(league.games, league.lines).rows);

describe('trainingFingerprint', () => {
  it('is the same for the same inputs, and the same inputs train byte-identical models', () => {
    const a = trainingFingerprint(datasetOf(synthetic()), 'stats');
    const b = trainingFingerprint(datasetOf(synthetic()), 'stats');
    expect(a).toEqual(b);
    expect(a.fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(a.games).toBe(3600);
    expect(a.lastDate).toBe('2003-03-30');
    const m1 = trainModel(datasetOf(synthetic()), 'stats');
    const m2 = trainModel(datasetOf(synthetic()), 'stats');
    expect(toRegistration(m2).artifacts).toEqual(toRegistration(m1).artifacts);
    disposeModel(m1);
    disposeModel(m2);
  });

  it('changes with a result, a closing line, a game more, the variant or the parameters', () => {
    const base = trainingFingerprint(datasetOf(synthetic()), 'market').fingerprint;
    const score = synthetic();
    const scored = required(score.games[100], 'game 100');
    score.games[100] = { ...scored, homePts: (scored.homePts ?? 0) + 1 };
    const line = synthetic();
    const id = required(line.games[2000], 'game 2000').id;
    const closing = required(line.lines.get(id), `the line of ${id}`);
    line.lines.set(id, { ...closing, spreadHome: (closing.spreadHome ?? 0) - 3 });
    const fewer = synthetic();
    fewer.games.pop();
    const changed = [
      trainingFingerprint(datasetOf(score), 'market').fingerprint,
      trainingFingerprint(datasetOf(line), 'market').fingerprint,
      trainingFingerprint(datasetOf(fewer), 'market').fingerprint,
      trainingFingerprint(datasetOf(synthetic()), 'stats').fingerprint,
      trainingFingerprint(datasetOf(synthetic()), 'market', { ...DEFAULT_PARAMS, refit: !DEFAULT_PARAMS.refit })
        .fingerprint,
    ];
    expect(new Set([base, ...changed]).size).toBe(6);
  });
});
