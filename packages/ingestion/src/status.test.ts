import { statusOfApiBasketball, statusOfOddsApiScore } from './status';

describe('status mapping', () => {
  it.each([
    ['NS', 'scheduled'],
    ['Q2', 'live'],
    ['HT', 'live'],
    ['OT', 'live'],
    ['FT', 'final'],
    ['AOT', 'final'],
    ['POST', 'postponed'],
    ['SUSP', 'postponed'],
    ['CANC', 'cancelled'],
  ])('API-Basketball %s -> %s', (short, status) => {
    expect(statusOfApiBasketball(short)).toBe(status);
  });

  it('leaves unknown codes undefined (the record is rejected by the caller)', () => {
    expect(statusOfApiBasketball('WAT')).toBeUndefined();
  });

  it('maps The Odds API scores', () => {
    expect(statusOfOddsApiScore(true, true)).toBe('final');
    expect(statusOfOddsApiScore(false, true)).toBe('live');
    expect(statusOfOddsApiScore(false, false)).toBe('scheduled');
  });
});
