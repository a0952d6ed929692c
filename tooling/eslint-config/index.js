// The workspace's ESLint flat config: @eslint/js and typescript-eslint recommended rules,
// eslint-config-prettier (formatting is Prettier's job), and the import boundaries as rules.
// Each package's eslint.config.js uses it by name:
//   module.exports = require('@nba/eslint-config')('package'); // or 'app', or 'dev'
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const prettier = require('eslint-config-prettier');
const globals = require('globals');
const { DEEP_IMPORTS, DEV_ONLY, NATIVE, boundaryRules } = require('./boundaries');

/** Runtime code: what ships in dist/. Tests and benchmarks are not (they build into dist-bench). */
const RUNTIME = ['src/**/*.ts'];
const NOT_RUNTIME = ['src/**/*.test.ts', 'src/bench/**'];

/**
 * @param {'app' | 'package' | 'dev'} kind `app` (apps/*: also no XGBoost binding or koffi),
 *   `package` (packages/*), or `dev` (a dev-only package: testing, tooling).
 */
function config(kind = 'package') {
  if (!['app', 'package', 'dev'].includes(kind)) throw new TypeError(`@nba/eslint-config: kind must be app, package or dev, got ${String(kind)}`);
  const everywhere = kind === 'app' ? [...DEEP_IMPORTS, ...NATIVE] : DEEP_IMPORTS;
  const runtime = kind === 'dev' ? everywhere : [...everywhere, ...DEV_ONLY];
  return tseslint.config(
    { ignores: ['dist/**', 'dist-*/**', 'src/generated/**', 'coverage/**', 'test-output/**', '.turbo/**'] },
    js.configs.recommended,
    ...tseslint.configs.recommended,
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
        '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
        ...boundaryRules(everywhere),
      },
    },
    { files: RUNTIME, ignores: NOT_RUNTIME, rules: boundaryRules(runtime) },
    prettier,
  );
}

module.exports = config;
module.exports.config = config;
