const express = require('express');

const app = express();

app.get('/login', (req, res) => {
  // TODO: turn Secure on once HTTPS is set up
  // ruleid: express-res-cookie secure-false fixable
  res.cookie('__Host-sid', req.session.id, { httpOnly: true, secure: false, path: '/' });
  // ruleid: express-res-cookie secure-false fixable
  res.cookie('sid', req.session.id, { httpOnly: true, secure: false });
  res.end();
});
