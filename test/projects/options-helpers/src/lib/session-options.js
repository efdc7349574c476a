const { BASE_OPTIONS } = require('./base');

function sessionOptions(remember) {
  return {
    ...BASE_OPTIONS,
    maxAge: remember ? 30 * 86400000 : 3600000,
  };
}

module.exports = { sessionOptions };
