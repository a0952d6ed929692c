import { RegistryError } from './registry-error';
import { assertSemver, compareSemver, isSemver } from './semver';

describe('semver', () => {
  test.each(['0.0.0', '1.2.3', '10.20.30', '1.0.0-rc.1', '1.0.0-alpha+build.5', '2.0.0+20240101'])(
    '%s is a semantic version',
    (v) => {
      expect(isSemver(v)).toBe(true);
    },
  );
  test.each(['1', '1.0', 'v1.0.0', '01.0.0', '1.0.0-', '1.0.0-01', '1.0.0.0', '', ' 1.0.0'])('%j is not', (v) => {
    expect(isSemver(v)).toBe(false);
  });
  test('assertSemver names the model and an example', () => {
    expect(() => assertSemver('winner', '1.0')).toThrow(RegistryError);
    expect(() => assertSemver('winner', '1.0')).toThrow(
      /'1\.0' is not a semantic version for model 'winner'; use MAJOR\.MINOR\.PATCH/,
    );
  });
  test('orders by precedence (semver.org §11)', () => {
    const ordered = [
      '1.0.0-alpha',
      '1.0.0-alpha.1',
      '1.0.0-alpha.beta',
      '1.0.0-beta',
      '1.0.0-beta.2',
      '1.0.0-beta.11',
      '1.0.0-rc.1',
      '1.0.0',
      '1.0.1',
      '1.2.0',
      '1.10.0',
      '2.0.0',
    ];
    const shuffled = [...ordered].reverse();
    expect(shuffled.sort(compareSemver)).toEqual(ordered);
    expect(compareSemver('1.0.0+a', '1.0.0+b')).toBe(0);
  });
});
