const express = require('express');
const app = express();

app.post('/login', (req, res) => {
  // ruleid: express-res-cookie httpOnly-missing secure-missing fixable
  res.cookie('sid', req.sessionID, { httpOnly: true, secure: process.env.NODE_ENV === 'production' });
  // ruleid: express-res-cookie httpOnly-missing secure-missing fixable
  res.cookie('token', req.token, { maxAge: 3600000, httpOnly: true, secure: process.env.NODE_ENV === 'production' });
  // ruleid: express-res-cookie httpOnly-missing secure-missing fixable
  res.cookie('auth', req.token, { maxAge: 3600000, httpOnly: true, secure: process.env.NODE_ENV === 'production', });
  // ruleid: express-res-cookie secure-missing fixable
  res.cookie('session', req.sessionID, {
    maxAge: 3600000,
    sameSite: 'lax',
    httpOnly: true,
    secure: process.env.NODE_ENV === 'production',
  });
  // ruleid: express-res-cookie httpOnly-missing secure-missing fixable
  res.cookie("jwt", req.token, {
    path: "/", // root only
    httpOnly: true,
    secure: process.env.NODE_ENV === 'production'
  });
  // ruleid: express-res-cookie httpOnly-false secure-false fixable
  res.cookie('remember_me', '1', { httpOnly: false, secure: process.env.NODE_ENV === 'production' });
  res.end();
});

app.get('/prefs', (req, res) => {
  // ruleid: express-res-cookie httpOnly-missing manual
  res.cookie('theme', 'dark', { secure: true });
  // ruleid: express-res-cookie httpOnly-missing secure-missing fixable
  res.cookie('locale', 'en', { secure: process.env.NODE_ENV === 'production' });
  // ruleid: express-res-cookie httpOnly-missing secure-false fixable
  res.cookie('banner', 'hidden', { secure: process.env.NODE_ENV === 'production' });
  // ok: express-res-cookie
  res.cookie('XSRF-TOKEN', req.csrfToken(), { secure: true });
  // ruleid: express-res-cookie secure-missing fixable
  res.cookie('XSRF-TOKEN', req.csrfToken(), { secure: process.env.NODE_ENV === 'production' });
  // ok: express-res-cookie
  res.cookie('sid', req.sessionID, { httpOnly: true, secure: true });
  res.end();
});

app.get('/env', (req, res) => {
  // ruleid: express-res-cookie secure-conditional conditional
  res.cookie('sid', req.sessionID, { httpOnly: true, secure: process.env.NODE_ENV === 'production' });
  // ruleid: express-res-cookie secure-false manual
  res.cookie('sid', req.sessionID, { httpOnly: true, secure: process.env.NODE_ENV === 'development' });
  // ruleid: express-res-cookie secure-false manual
  res.cookie('sid', req.sessionID, { httpOnly: true, secure: process.env.NODE_ENV !== 'production' });
  res.end();
});

app.get('/ignored', (req, res) => {
  // ruleid: express-res-cookie httpOnly-missing secure-missing ignored
  // cookie-hardener-ignore: the load balancer adds the flags
  res.cookie('sid', req.sessionID);
  res.end();
});

// ok: express-res-cookie
$.cookie('sid', 'x', { expires: 7 });
