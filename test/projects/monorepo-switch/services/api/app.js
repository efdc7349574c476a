const express = require('express');

const app = express();

app.post('/login', (req, res) => {
  res.cookie('sid', req.body.sid, { httpOnly: true, secure: process.env.NODE_ENV === 'production' });
  res.end();
});

module.exports = app;
