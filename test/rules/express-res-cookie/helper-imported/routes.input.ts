import type { Request, Response } from 'express';
import { authCookieOptions, preferenceOptions } from './cookies.js';
import * as cookies from './cookies.js';
import { authCookieOptions as viaIndex, prefs, visitorOptions } from './index.js';
const legacy = require('./legacy');
const { rememberOptions } = require('./legacy');

export function login(req: Request, res: Response) {
  res.cookie('session', req.body.token, authCookieOptions(3600_000));
  res.cookie('session', req.body.token, cookies.authCookieOptions(60_000));
  res.cookie('theme', req.body.theme, preferenceOptions());
  res.cookie('session', req.body.token, viaIndex(60_000));
  res.cookie('theme', req.body.theme, prefs());
  res.cookie('visitor_id', req.body.visitor, visitorOptions);
  res.cookie('remember_token', req.body.token, rememberOptions());
  res.cookie('device_id', req.body.device, legacy.deviceOptions());
  // ruleid: express-res-cookie httpOnly-unknown secure-unknown conditional
  res.cookie('sid', req.body.token, legacy.fromConfig(req.app.locals));
}
