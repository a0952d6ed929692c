import { checkForecast, FORECAST_BOUNDS, WITHHELD_REASONS } from './forecast-check';

const good = { homeWinProbability: 0.62, expectedMargin: 4.5, expectedTotal: 224.5, marketProbability: 0.6 };

describe('checkForecast', () => {
  it('passes an ordinary forecast, and one without margin, total or market (older stored rows)', () => {
    expect(checkForecast(good)).toEqual({ ok: true });
    expect(
      checkForecast({ homeWinProbability: 0.5, expectedMargin: null, expectedTotal: null, marketProbability: null }),
    ).toEqual({ ok: true });
  });

  it('passes the bounds themselves and the most lopsided closing line of 2007-2024 (0.032 / 0.985)', () => {
    const b = FORECAST_BOUNDS;
    expect(
      checkForecast({
        homeWinProbability: b.probability.min,
        expectedMargin: b.marginPts.max,
        expectedTotal: b.totalPts.min,
      }),
    ).toEqual({ ok: true });
    expect(checkForecast({ ...good, homeWinProbability: 0.985, marketProbability: 0.032 })).toEqual({ ok: true });
  });

  it.each([
    [{ homeWinProbability: NaN }, 'not_finite', 'home win probability is NaN'],
    [{ expectedMargin: Infinity }, 'not_finite', 'expected margin is Infinity'],
    [{ marketProbability: -Infinity }, 'not_finite', 'market probability is -Infinity'],
    [
      { homeWinProbability: 0.000001 },
      'probability_out_of_range',
      'home win probability 0.000001 is outside 0.005..0.995',
    ],
    [{ homeWinProbability: 0.9999 }, 'probability_out_of_range', 'home win probability 0.9999 is outside 0.005..0.995'],
    [{ expectedMargin: -1000001.04 }, 'margin_out_of_range', 'expected margin -1000001.0 is outside -60..60 points'],
    [{ expectedTotal: 1e6 }, 'total_out_of_range', 'expected total 1000000.0 is outside 120..330 points'],
    [{ expectedTotal: 0 }, 'total_out_of_range', 'expected total 0.0 is outside 120..330 points'],
    [{ marketProbability: 0.000001 }, 'market_out_of_range', 'market probability 0.000001 is outside 0.005..0.995'],
  ])('withholds %j: %s', (bad, reason, message) => {
    const r = checkForecast({ ...good, ...bad });
    expect(r).toEqual({ ok: false, reason, message });
    expect(WITHHELD_REASONS).toContain(reason);
  });
});
