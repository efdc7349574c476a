import type { Response } from 'express';
import base, { authCookieOptions } from './cookie-options.js';
import * as options from './cookie-options.js';

export function setAuth(res: Response, token: string) {
  res.cookie('token', token, authCookieOptions);
  res.cookie('token', token, options.authCookieOptions);
  // ruleid: express-res-cookie httpOnly-missing secure-missing fixable
  res.cookie('token', token, { ...base, maxAge: 60 });
}
