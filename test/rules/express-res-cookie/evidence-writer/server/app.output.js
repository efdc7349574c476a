const express = require('express');

const app = express();

app.post('/login', (req, res) => {
  const token = issue(req.body);
  // The single-page app replaces this cookie itself after a refresh: script cannot write over an HttpOnly one.
  // ruleid: express-res-cookie httpOnly-missing secure-missing fixable
  res.cookie('token', token, { secure: true });
  // ruleid: express-res-cookie httpOnly-missing secure-missing fixable
  res.cookie('sid', token, { httpOnly: true, secure: true });
  res.end();
});
