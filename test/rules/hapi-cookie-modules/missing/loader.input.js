const requireDir = require('require-dir');

module.exports = (server) => {
  const cookies = requireDir('../../shared/cookie-definitions');
  for (const cookie of Object.values(cookies)) {
    // ok: hapi-cookie-modules
    server.state(cookie.name, cookie.options);
  }
};
