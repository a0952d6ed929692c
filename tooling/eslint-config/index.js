// The workspace's ESLint flat config: @eslint/js and typescript-eslint recommended rules,
// their type-checked rules, eslint-config-prettier (formatting is Prettier's job), and the import boundaries as rules.
// Each package's eslint.config.js uses it by name:
//   module.exports = require('@nba/eslint-config')('package'); // or 'app', or 'dev'
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const prettier = require('eslint-config-prettier');
const globals = require('globals');
const { DEEP_IMPORTS, DEV_ONLY, NATIVE, PRISMA, PRISMA_FROM_DB, RAW_SQL, boundaryRules } = require('./boundaries');
const { PROCESS_ENV_PROPERTY } = require('./process-env');

/** Runtime code: what ships in dist/. Tests and benchmarks are not (they build into dist-bench). */
const RUNTIME = ['src/**/*.ts'];
const NOT_RUNTIME = ['src/**/*.test.ts', 'src/bench/**'];
/** TypeScript files: the ones the type-aware rules run on (each is in its package's tsconfig.json). */
const TYPESCRIPT = ['**/*.ts', '**/*.mts', '**/*.cts'];

/**
 * @param {'app' | 'package' | 'dev'} kind `app` (apps/*: also no XGBoost binding or koffi, and in
 *   runtime code no Prisma client and no SQL),
 *   `package` (packages/*), or `dev` (a dev-only package: testing, tooling).
 * @param {{ readsProcessEnv?: string[] }} [options]
 *   `readsProcessEnv`: the files that may read `process.env` (only `@nba/config`'s process-env.ts and its test);
 *   everywhere else `process.env` is refused.
 */
function config(kind = 'package', options = {}) {
  if (!['app', 'package', 'dev'].includes(kind))
    throw new TypeError(`@nba/eslint-config: kind must be app, package or dev, got ${String(kind)}`);
  const unknown = Object.keys(options).filter((name) => name !== 'readsProcessEnv');
  if (unknown.length > 0) {
    throw new TypeError(
      `@nba/eslint-config: unknown option ${unknown.join(', ')} (the type-aware rules are always on; the one option is readsProcessEnv)`,
    );
  }
  const { readsProcessEnv = [] } = options;
  const everywhere = kind === 'app' ? [...DEEP_IMPORTS, ...NATIVE] : DEEP_IMPORTS;
  const runtime = kind === 'dev' ? everywhere : [...everywhere, ...DEV_ONLY, ...(kind === 'app' ? PRISMA : [])];
  // apps' runtime code: no Prisma client and no SQL (database access goes through packages)
  const runtimeExtra = kind === 'app' ? { paths: [PRISMA_FROM_DB], selectors: RAW_SQL } : {};
  return tseslint.config(
    { ignores: ['dist/**', 'dist-*/**', 'src/generated/**', 'coverage/**', 'test-output/**', '.turbo/**'] },
    js.configs.recommended,
    ...tseslint.configs.recommended,
    ...typeCheckedConfigs(),
    {
      files: ['**/*.js', '**/*.cjs'],
      languageOptions: { sourceType: 'commonjs', globals: globals.node },
      rules: { '@typescript-eslint/no-require-imports': 'off' },
    },
    {
      files: ['**/*.mjs'],
      languageOptions: { sourceType: 'module', globals: globals.node },
    },
    {
      linterOptions: { reportUnusedDisableDirectives: 'error' },
      rules: {
        '@typescript-eslint/no-unused-vars': [
          'error',
          { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
        ],
        ...boundaryRules(everywhere),
        'no-restricted-properties': ['error', PROCESS_ENV_PROPERTY],
      },
    },
    { files: RUNTIME, ignores: NOT_RUNTIME, rules: boundaryRules(runtime, runtimeExtra) },
    ...(readsProcessEnv.length > 0 ? [{ files: readsProcessEnv, rules: { 'no-restricted-properties': 'off' } }] : []),
    prettier,
  );
}

/**
 * typescript-eslint's type-checked rules (`recommendedTypeChecked`) on TypeScript files, with the
 * project service: each file is checked with the nearest tsconfig.json (src and test are in it).
 * `tsconfigRootDir` is the folder of the calling eslint.config.js (typescript-eslint infers it).
 * JavaScript files (configs, test fixtures) are in no tsconfig and keep the untyped rules.
 */
function typeCheckedConfigs() {
  return [
    ...tseslint.configs.recommendedTypeCheckedOnly.map((c) => ({ ...c, files: TYPESCRIPT })),
    {
      files: TYPESCRIPT,
      languageOptions: { parserOptions: { projectService: true } },
      rules: { '@typescript-eslint/no-non-null-assertion': 'error' },
    },
  ];
}

module.exports = config;
module.exports.config = config;
