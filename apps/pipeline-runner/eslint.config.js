module.exports = require('@nba/eslint-config')('app');
