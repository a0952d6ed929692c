// Shared jest settings: ts-jest in transpile-only mode (tsc typechecks separately), and
// `@nba/<pkg>` resolved to the package's source so tests never run against a stale build.
const fs = require('node:fs');
const path = require('node:path');

// The workspace's packages and apps folders (this preset lives in tooling/jest-preset).
const root = path.resolve(__dirname, '..', '..');
const packagesDir = path.join(root, 'packages');
// Apps with a library entry (src/index.ts) are imported by name too: infra's tests read their env
// lists and command line.
const appsDir = path.join(root, 'apps');
const appsMapped = Object.fromEntries(
  fs
    .readdirSync(appsDir)
    .filter((app) => fs.existsSync(path.join(appsDir, app, 'src', 'index.ts')))
    .map((app) => [`^@nba/${app}$`, path.join(appsDir, app, 'src', 'index.ts')]),
);

module.exports = (dir) => ({
  rootDir: dir,
  testEnvironment: 'node',
  roots: ['src', 'test'].filter((d) => fs.existsSync(path.join(dir, d))).map((d) => `<rootDir>/${d}`),
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: path.join(dir, 'tsconfig.json') }] },
  moduleNameMapper: {
    ...appsMapped,
    '^@nba/([a-z-]+)$': `${packagesDir}/$1/src/index.ts`,
    // Prisma's generated TypeScript imports siblings as `./x.js`.
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testTimeout: 60000,
});
