import { parseEvalResult } from './eval-result';

test('parses XGBoost evaluation lines, keeping names with dashes and @', () => {
  expect(parseEvalResult('[12]\ttrain-logloss:0.5\tmy-valid-ndcg@5:0.25\n')).toEqual({
    'train-logloss': 0.5,
    'my-valid-ndcg@5': 0.25,
  });
  expect(parseEvalResult('[0]')).toEqual({});
  expect(() => parseEvalResult('[0]\tgarbage')).toThrow(/Cannot parse/);
});
