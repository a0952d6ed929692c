import { releaseNativeMemory } from './native-memory';

test('returns freed native memory to the OS on glibc, and can be called repeatedly', () => {
  const glibc =
    (process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined)?.header
      ?.glibcVersionRuntime !== undefined;
  expect(releaseNativeMemory()).toBe(glibc);
  expect(releaseNativeMemory()).toBe(glibc);
});
