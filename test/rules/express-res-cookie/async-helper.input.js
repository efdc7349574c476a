// An async options helper called without `await` hands `res.cookie` a Promise: Express reads no flag from
// it, so the options are unknown and nothing is written into the helper.
const express = require('express');

async function cookieOptions() {
  return { path: '/', maxAge: 3600000 };
}

const rememberOptions = async () => ({ path: '/', maxAge: 30 * 86400000 });

function sessionOptions() {
  return cookieOptions();
}

async function refreshOptions() {
  // ruleid: express-res-cookie httpOnly-missing secure-missing fixable
  return { path: '/auth', maxAge: 7 * 86400000 };
}

async function accessOptions() {
  // ruleid: express-res-cookie httpOnly-missing secure-missing fixable
  return { path: '/', maxAge: 900000 };
}

function awaitedLater() {
  return accessOptions();
}

const app = express();

app.post('/login', async (req, res) => {
  // ruleid: express-res-cookie httpOnly-unknown secure-unknown conditional
  res.cookie('sid', req.sessionID, cookieOptions());
  // ruleid: express-res-cookie httpOnly-unknown secure-unknown conditional
  res.cookie('remember_token', req.token, rememberOptions());
  // ruleid: express-res-cookie httpOnly-unknown secure-unknown conditional
  res.cookie('session', req.token, sessionOptions());
  // ruleid: express-res-cookie httpOnly-unknown secure-unknown conditional
  res.cookie('token', req.token, { ...cookieOptions(), sameSite: 'lax' });
  // Awaited, here or through the function that returns it: the options are the returned object.
  res.cookie('refresh_token', req.refresh, await refreshOptions());
  res.cookie('access_token', req.token, await awaitedLater());
  res.end();
});
