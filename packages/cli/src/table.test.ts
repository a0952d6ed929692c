import { table } from './table';

describe('table', () => {
  test('aligns columns and shows missing cells as -', () => {
    expect(
      table(
        ['A', 'LONGER'],
        [
          ['xyz', 1],
          [null, 'b'],
        ],
      ),
    ).toBe('A    LONGER\nxyz  1\n-    b');
  });

  test('can leave the header out, indent, and align numbers right', () => {
    expect(
      table(
        ['TASK', 'N', 'NOTE'],
        [
          ['ingest', 1, 'ok'],
          ['train', 12, ''],
        ],
        { showHeader: false, indent: '  ', alignRight: [1] },
      ),
    ).toBe('  ingest   1  ok\n  train   12');
  });
});
