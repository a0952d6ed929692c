// The workspace's import boundaries (the root README's layout: apps wire, packages hold the logic) as `no-restricted-imports`
// pattern groups, plus `no-restricted-syntax` selectors that apply the same patterns to `require()`
// and `import()`, which `no-restricted-imports` does not see.
const { PROCESS_ENV_IMPORTS } = require('./process-env');

/** A workspace package is imported by its name; its `src/index.ts` (or `exports` map) is its API. */
const DEEP_IMPORTS = [
  {
    regex: '^@nba/[^/]+/(src|dist)(/|$)',
    message: 'import a workspace package by its name (its src/index.ts is its API), never its src/ or dist/',
  },
  {
    regex: '^(\\.\\.?/)+(.*/)?(apps|packages|tooling)/',
    message: 'import another workspace package by its name, never by a path into its folder',
  },
];

/** Dev-only packages: test databases and helpers, the jest preset, the lint config. */
const DEV_ONLY = [
  {
    regex: '^@nba/(testing|jest-preset|eslint-config)(/|$)',
    message: 'a dev-only package: runtime code (src/, not tests or benchmarks) must not import it',
  },
];

/** Apps never talk to the XGBoost binding: they use @nba/modeling's serving model (and @nba/registry verifies artifacts with it). */
const NATIVE = [
  {
    regex: '^(@nba/xgboost|koffi)(/|$)',
    message:
      "apps never import the XGBoost binding or koffi: use @nba/modeling's ServingModel (and releaseNativeMemory)",
  },
];

/**
 * Apps never talk to the database directly: no Prisma client (the package, the generated client,
 * or `Prisma`/`PrismaClient` re-exported by @nba/db) and no SQL. Database access goes through the
 * packages (@nba/lifecycle, @nba/registry, @nba/orchestrator's run store, …). Runtime code only:
 * tests and benchmarks may set up and inspect their databases.
 */
const PRISMA = [
  {
    regex: '^(@prisma/client|@prisma/adapter-pg)(/|$)|generated/prisma',
    message:
      "apps never import Prisma's client: database access goes through the packages (@nba/lifecycle, @nba/registry, …)",
  },
];
const PRISMA_FROM_DB = {
  name: '@nba/db',
  importNames: ['Prisma', 'PrismaClient'],
  message: "apps never use Prisma's client: database access goes through the packages",
};
const RAW_SQL = [
  {
    selector: 'MemberExpression[property.name=/^\\$(queryRaw|executeRaw|queryRawUnsafe|executeRawUnsafe)$/]',
    message: 'apps run no SQL: put the query in a package (@nba/lifecycle, @nba/db, …) and call it',
  },
];

/** `require('x')` and `import('x')` whose string matches one of the groups. */
function callSelectors(groups) {
  return groups.flatMap(({ regex, message }) => {
    const re = `/${regex.replace(/\//g, '\\/')}/`;
    return [
      { selector: `ImportExpression[source.value=${re}]`, message },
      { selector: `CallExpression[callee.name='require'][arguments.0.value=${re}]`, message },
    ];
  });
}

/**
 * Both rules for the given groups; `no-restricted-imports` also refuses `import { env } from 'node:process'`
 * (one rule entry holds both, as a later entry replaces an earlier one).
 * `paths` (named imports) and `selectors` (syntax) are refused too: the apps' Prisma and SQL rule.
 */
function boundaryRules(groups, { paths: namedImports = [], selectors = [] } = {}) {
  const paths = [...PROCESS_ENV_IMPORTS, ...namedImports];
  return {
    'no-restricted-imports': ['error', { paths, patterns: groups.map(({ regex, message }) => ({ regex, message })) }],
    'no-restricted-syntax': ['error', ...callSelectors(groups), ...selectors],
  };
}

module.exports = { DEEP_IMPORTS, DEV_ONLY, NATIVE, PRISMA, PRISMA_FROM_DB, RAW_SQL, boundaryRules };
