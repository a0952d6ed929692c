module.exports = require('./index.js')('dev');
