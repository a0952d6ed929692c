module.exports = require('@nba/eslint-config')('package', { typeChecked: true, readsProcessEnv: ['src/process-env.ts', 'src/process-env.test.ts'] });
