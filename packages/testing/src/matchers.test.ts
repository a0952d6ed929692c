import { closeTo, containing, matching } from './matchers';

describe('typed asymmetric matchers', () => {
  it('match as jest’s own do, and fail where they should', () => {
    expect({ message: 'the database is not migrated', difference: 0.02 + 1e-14 }).toEqual({
      message: containing('not migrated'),
      difference: closeTo(0.02, 12),
    });
    expect({ message: 'no production model' }).toMatchObject({ message: matching(/^no production/) });
    expect(() => expect({ message: 'fine' }).toEqual({ message: containing('broken') })).toThrow();
    expect(() => expect({ d: 0.03 }).toEqual({ d: closeTo(0.02, 12) })).toThrow();
  });
});
