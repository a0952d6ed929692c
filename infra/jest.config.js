module.exports = require('../packages/testing/jest-preset.js')(__dirname);
