const config = require('../config');

function login(req, res) {
  // ruleid: express-res-cookie secure-conditional conditional
  res.cookie('sid', req.session.id, { httpOnly: true, secure: config.secureCookies });
}

module.exports = { login };
