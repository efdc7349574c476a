const requireDir = require('require-dir');

module.exports = (server) => {
  const cookies = requireDir('../../shared/cookie-definitions');
  for (const cookie of Object.values(cookies)) {
    // ruleid: hapi-cookie-modules httpOnly-unknown secure-unknown conditional
    server.state(cookie.name, cookie.options);
  }
};
