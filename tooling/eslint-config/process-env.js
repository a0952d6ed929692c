// Only @nba/config reads the process environment (issue 20): apps parse theirs with its
// `readEnv(schema)`, a child process gets `inheritedEnv(overrides)`, and tests and benchmarks do the
// same (their knobs are a schema too, so a bad value is named rather than read as NaN).

const MESSAGE =
  "only @nba/config reads process.env: use its readEnv(schema), or inheritedEnv(overrides) for a child process's environment";

/** `no-restricted-properties` entry: `process.env` (also `const { env } = process`). */
const PROCESS_ENV_PROPERTY = { object: 'process', property: 'env', message: MESSAGE };

/** `no-restricted-imports` paths: `import { env } from 'node:process'`. */
const PROCESS_ENV_IMPORTS = ['process', 'node:process'].map((name) => ({
  name,
  importNames: ['env'],
  message: MESSAGE,
}));

module.exports = { PROCESS_ENV_PROPERTY, PROCESS_ENV_IMPORTS };
