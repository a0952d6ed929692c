module.exports = require('@nba/eslint-config')('package', {
  readsProcessEnv: ['src/process-env.ts', 'src/process-env.test.ts'],
});
