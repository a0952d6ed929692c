import { required } from './required';

describe('required', () => {
  it('returns a value that is there, including falsy ones', () => {
    expect(required(0, 'count')).toBe(0);
    expect(required('', 'name')).toBe('');
    expect(required(new Map([['BOS', 3]]).get('BOS'), 'BOS')).toBe(3);
  });

  it('names what is missing', () => {
    expect(() => required(new Map<string, number>().get('BOS'), 'the strength of BOS')).toThrow(
      'internal error: the strength of BOS is missing',
    );
    expect(() => required(null, 'x')).toThrow('internal error: x is missing');
  });
});
