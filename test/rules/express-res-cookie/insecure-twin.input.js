const express = require('express');

const app = express();

app.post('/login', (req, res) => {
  // ruleid: express-res-cookie secure-missing manual
  res.cookie('wiki_session', req.token, { httpOnly: true });
  // ruleid: express-res-cookie secure-missing manual
  res.cookie('wiki_session-unsecure', req.token, { httpOnly: true });
  // ruleid: express-res-cookie secure-missing fixable
  res.cookie('other_session', req.token, { httpOnly: true });
  res.end();
});
