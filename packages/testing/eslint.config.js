module.exports = require('@nba/eslint-config')('dev');
