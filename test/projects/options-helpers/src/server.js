const express = require('express');
const { sessionOptions } = require('./lib/session-options');

const app = express();

app.post('/login', (req, res) => {
  res.cookie('session', req.sessionID, sessionOptions(req.body.remember));
  res.redirect('/');
});

app.post('/switch', (req, res) => {
  res.cookie('session', req.body.session, sessionOptions(false));
  res.redirect('/');
});

app.listen(3000);
