const config = require('./config');
const { refreshOptions } = require('./refresh');

function login(req, res) {
  res.cookie('sid', req.sessionID, config.cookie);
  res.cookie('refresh', req.token, refreshOptions);
  // ruleid: express-res-cookie httpOnly-unknown secure-unknown conditional
  res.cookie('sid', req.sessionID, req.app.get('cookieOptions'));
}

module.exports = { login };
