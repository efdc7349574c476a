const express = require('express');

const app = express();
const expired = { expires: new Date(0), path: '/' };

app.post('/logout', (req, res) => {
  // ok: express-res-cookie
  res.cookie('token', '', { expires: new Date(0) });
  // ok: express-res-cookie
  res.cookie('token', '', { maxAge: 0 });
  // ok: express-res-cookie
  res.cookie('sid', 'gone', { maxAge: -1, path: '/' });
  // ok: express-res-cookie
  res.cookie('sid', 'gone', { expires: new Date('Thu, 01 Jan 1970 00:00:00 GMT') });
  // ok: express-res-cookie
  res.cookie('sid', 'gone', { expires: new Date(1970, 0, 1) });
  // ok: express-res-cookie
  res.cookie('sid', 'gone', { expires: new Date(Date.now() - 1000) });
  // ok: express-res-cookie
  res.cookie('sid', '', expired);
  // ok: express-res-cookie
  res.clearCookie('sid');
  // ruleid: express-res-cookie httpOnly-missing secure-missing fixable
  res.cookie('sid', req.sid, { maxAge: 3600000, httpOnly: true, secure: true });
  // ruleid: express-res-cookie httpOnly-missing secure-missing fixable
  res.cookie('remember', req.token, { expires: new Date(Date.now() + 86400000), secure: true });
  res.end();
});
