module.exports = require('@nba/eslint-config')('package');
