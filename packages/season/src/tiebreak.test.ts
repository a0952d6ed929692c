import { teamIndex } from './league';
import { addGame, emptyRecord, type StandingsRecord } from './record';
import { seasonRules } from './rules';
import { breakTie, rankByRecord, type TiebreakContext } from './tiebreak';

const [BOS, NYK, PHI, MIA, CHI] = [
  teamIndex('BOS'),
  teamIndex('NYK'),
  teamIndex('PHI'),
  teamIndex('MIA'),
  teamIndex('CHI'),
];

function win(rec: StandingsRecord, winner: number, loser: number, times = 1, margin = 5): void {
  for (let i = 0; i < times; i++) addGame(rec, winner, loser, margin);
}

function ctx(rec: StandingsRecord, winners: number[] = [], drawn: number[][] = []): TiebreakContext {
  const divisionWinner = new Uint8Array(30);
  for (const w of winners) divisionWinner[w] = 1;
  return {
    rec,
    rules: seasonRules(2024),
    divisionWinner,
    eligible: () => new Uint8Array(30).fill(1),
    draw: () => 0,
    onDrawing: (t) => drawn.push([...t]),
  };
}

describe('breakTie', () => {
  it('two teams: head-to-head first, even against a division winner', () => {
    const rec = emptyRecord();
    win(rec, BOS, MIA, 2);
    win(rec, MIA, BOS, 1);
    expect(breakTie([MIA, BOS], ctx(rec, [MIA]))).toEqual([BOS, MIA]);
  });
  it('two teams even head-to-head: the division winner', () => {
    const rec = emptyRecord();
    win(rec, BOS, MIA);
    win(rec, MIA, BOS);
    expect(breakTie([BOS, MIA], ctx(rec, [MIA]))).toEqual([MIA, BOS]);
  });
  it('two teams of one division: division record before conference record', () => {
    const rec = emptyRecord();
    win(rec, BOS, PHI, 2); // division
    win(rec, CHI, NYK, 5); // conference, outside the division
    win(rec, NYK, PHI, 1);
    expect(breakTie([BOS, NYK], ctx(rec))).toEqual([BOS, NYK]);
  });
  it('more than two: the division winner first, then the others start over as a two-team tie', () => {
    const rec = emptyRecord();
    // among the three, NYK has the best head-to-head, but MIA leads its division
    win(rec, NYK, MIA, 2);
    win(rec, NYK, BOS, 1);
    win(rec, BOS, NYK, 1);
    win(rec, BOS, MIA, 1);
    expect(breakTie([BOS, NYK, MIA], ctx(rec, [MIA]))).toEqual([MIA, NYK, BOS]);
  });
  it('more than two with a partial break: the best goes first, the rest restart (two-team head-to-head)', () => {
    const rec = emptyRecord();
    // multi-team head-to-head: PHI 3-1, BOS 2-2, NYK 1-3... so PHI first; BOS and NYK restart on their own games
    win(rec, PHI, BOS, 2);
    win(rec, PHI, NYK, 1);
    win(rec, NYK, PHI, 1);
    win(rec, BOS, NYK, 2);
    win(rec, NYK, BOS, 1);
    expect(breakTie([NYK, BOS, PHI], ctx(rec))).toEqual([PHI, BOS, NYK]);
  });
  it('point differential, then a drawing', () => {
    const rec = emptyRecord();
    win(rec, BOS, NYK, 1, 10);
    win(rec, NYK, BOS, 1, 3);
    expect(breakTie([NYK, BOS], ctx(rec))).toEqual([BOS, NYK]);
    const even = emptyRecord();
    const drawn: number[][] = [];
    expect(breakTie([NYK, BOS], ctx(even, [], drawn)).sort()).toEqual([BOS, NYK].sort());
    expect(drawn).toHaveLength(1);
  });
});

describe('rankByRecord', () => {
  it('orders by winning percentage and breaks only the ties', () => {
    const rec = emptyRecord();
    win(rec, BOS, NYK, 3);
    win(rec, PHI, CHI, 3);
    win(rec, NYK, PHI, 1);
    win(rec, CHI, BOS, 1);
    // BOS 3-1, PHI 3-1 (PHI lost to NYK), NYK 1-3, CHI 1-3
    expect(rankByRecord([CHI, NYK, PHI, BOS], ctx(rec))).toEqual([BOS, PHI, NYK, CHI]);
  });
});
