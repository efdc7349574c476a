const express = require('express');

const BASE = { path: '/', sameSite: 'lax' };

function sessionCookieOptions(req) {
  // ruleid: express-res-cookie httpOnly-missing secure-missing fixable
  return {
    maxAge: req.body.remember ? 30 * 86400000 : undefined,
  };
}

// ruleid: express-res-cookie secure-missing fixable
const tokenOptions = () => ({ ...BASE, httpOnly: true });

function refreshOptions() {
  // ruleid: express-res-cookie httpOnly-missing secure-missing fixable
  const options = {
    ...BASE,
    maxAge: 7 * 86400000,
  };
  return options;
}

function pickOptions(req) {
  if (req.secure) return { secure: true };
  return { secure: false };
}

function passThrough(options) {
  return options;
}

async function loadOptions() {
  // ruleid: express-res-cookie httpOnly-missing secure-missing fixable
  return { maxAge: 1000 };
}

const app = express();

app.post('/login', async (req, res) => {
  res.cookie('sid', req.sessionID, sessionCookieOptions(req));
  res.cookie('token', req.token, tokenOptions());
  res.cookie('refresh_token', req.refresh, refreshOptions());
  // ruleid: express-res-cookie secure-missing fixable
  res.cookie('auth', req.token, { ...tokenOptions(), maxAge: 60 });
  // ruleid: express-res-cookie httpOnly-unknown secure-unknown conditional
  res.cookie('session_id', req.token, pickOptions(req));
  // ruleid: express-res-cookie httpOnly-unknown secure-unknown conditional
  res.cookie('jwt', req.token, passThrough({ httpOnly: true }));
  res.cookie('access_token', req.token, await loadOptions());
  res.end();
});
