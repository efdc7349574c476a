const express = require('express');

const app = express();

app.get('/lang', (req, res) => {
  // ruleid: express-res-cookie httpOnly-missing secure-missing manual
  res.cookie('lang', req.query.lang); // no HTTPS on the kiosk network yet
  res.end();
});

app.get('/theme', (req, res) => {
  res.end();
});

app.get('/far-away', (req, res) => {
  const unrelated = 1;
  const alsoUnrelated = 2;
  // ruleid: express-res-cookie httpOnly-missing secure-missing fixable
  res.cookie('theme', req.query.theme);
  res.end();
});
