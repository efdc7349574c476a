const express = require('express');

const app = express();

app.post('/auth', (req, res) => {
  res.cookie('web_session', req.body.token, { httpOnly: true });
  res.end();
});

module.exports = app;
