module.exports = require('./index.js')('dev', { typeChecked: true });
