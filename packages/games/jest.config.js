module.exports = require('@nba/jest-preset')(__dirname);
