import type { SnapshotRecord } from '../store/records';
import { checkMoneylineAgainstSpread, checkMove } from './line-checks';
import { checkGameValues, checkSnapshotValues } from './value-checks';

const at = new Date('2025-01-15T12:00:00Z');
const snap = (s: Partial<SnapshotRecord>): SnapshotRecord => ({
  gameKey: '20250115_NYK_BOS',
  bookmaker: 'b',
  capturedAt: at,
  source: 't',
  market: 'h2h',
  ...s,
});
const game = { date: '2025-01-15', homeCode: 'BOS', awayCode: 'NYK', source: 't' };

describe('plausibility checks', () => {
  it('accepts the extremes of the 2007-2024 data and refuses what no game or bookmaker produced', () => {
    expect(checkGameValues({ ...game, status: 'final', homeScore: 176, awayScore: 175 })).toBeUndefined();
    expect(checkGameValues({ ...game, status: 'final', homeScore: 54, awayScore: 80 })).toBeUndefined();
    expect(checkGameValues({ ...game, status: 'live', homeScore: 4, awayScore: 0 })).toBeUndefined();
    expect(checkGameValues({ ...game, status: 'final', homeScore: 12, awayScore: 9 })?.reason).toBe(
      'points_out_of_range',
    );
    expect(checkGameValues({ ...game, status: 'live', homeScore: 1000, awayScore: 9 })?.detail).toBe(
      'home score 1000 outside 0..200',
    );
    expect(checkSnapshotValues(snap({ market: 'spreads', homePoint: -23 }))).toBeUndefined();
    expect(checkSnapshotValues(snap({ market: 'spreads', homePoint: 1_000_000 }))?.reason).toBe('spread_out_of_range');
    expect(
      checkSnapshotValues(snap({ market: 'totals', totalPoint: 262.5, overPrice: -110, underPrice: -110 })),
    ).toBeUndefined();
    expect(checkSnapshotValues(snap({ market: 'totals', totalPoint: 1000 }))?.reason).toBe('total_out_of_range');
    expect(checkSnapshotValues(snap({ homePrice: -13000, awayPrice: 6500 }))).toBeUndefined();
    expect(checkSnapshotValues(snap({ homePrice: 100000, awayPrice: -100000 }))?.reason).toBe('price_out_of_range');
    // Both sides favourites, or both long shots: no market offers that pair.
    expect(checkSnapshotValues(snap({ homePrice: -300, awayPrice: -300 }))?.reason).toBe('overround_out_of_range');
    expect(checkSnapshotValues(snap({ homePrice: 300, awayPrice: 300 }))?.reason).toBe('overround_out_of_range');
  });

  it('flags a moneyline that contradicts the spread, not one that merely differs as much as real closing lines do', () => {
    // The widest real gap (0.246): 20220415_NOP_LAC, -260/+220 with the home team +1.5.
    expect(
      checkMoneylineAgainstSpread(
        { capturedAt: at, homePrice: -260, awayPrice: 220 },
        { capturedAt: at, homePoint: 1.5 },
      ),
    ).toBeUndefined();
    const f = checkMoneylineAgainstSpread(
      { capturedAt: at, homePrice: 900, awayPrice: -1400 },
      { capturedAt: at, homePoint: -8 },
    );
    expect(f?.reason).toBe('moneyline_spread_disagree');
    expect(f?.detail).toBe('moneyline 900/-1400 (home 9.7%) contradicts home spread -8: gap 0.644 > 0.3');
  });

  it('flags implausible moves between snapshots and accepts ordinary ones', () => {
    const prev = { capturedAt: at, homePrice: -160, awayPrice: 140, homePoint: -3.5, totalPoint: 221.5 };
    expect(checkMove('spreads', prev, { capturedAt: at, homePoint: -9.5 })).toBeUndefined();
    expect(checkMove('spreads', prev, { capturedAt: at, homePoint: 9 })?.reason).toBe('line_moved_implausibly');
    expect(checkMove('totals', prev, { capturedAt: at, totalPoint: 250 })?.reason).toBe('line_moved_implausibly');
    expect(checkMove('h2h', prev, { capturedAt: at, homePrice: -300, awayPrice: 250 })).toBeUndefined();
    expect(checkMove('h2h', prev, { capturedAt: at, homePrice: 500, awayPrice: -700 })?.reason).toBe(
      'line_moved_implausibly',
    );
  });
});
