const config = require('../config');

function prefs(req, res) {
  // ruleid: express-res-cookie httpOnly-missing secure-missing fixable
  res.cookie('lang', req.query.lang);
}

module.exports = { prefs };
