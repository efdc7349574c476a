const express = require('express');
const jwt = require('jsonwebtoken');

const app = express();

app.post('/prefs', (req, res) => {
  // ruleid: express-res-cookie httpOnly-false secure-false fixable
  res.cookie('prefs', JSON.stringify(req.body), { httpOnly: false, secure: true });
  // ruleid: express-res-cookie httpOnly-false fixable
  res.cookie('api_token', jwt.sign({ sub: req.user.id }, process.env.KEY), { httpOnly: true, secure: true });
  // ruleid: express-res-cookie httpOnly-false manual
  res.cookie('session_hint', req.user.id, { httpOnly: false, secure: true });
  res.end();
});
