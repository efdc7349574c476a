import type { Request, Response } from 'express';
import { accessTokenOptions, fromSettings } from '../lib/auth.js';

export function issue(req: Request, res: Response) {
  res.cookie('access_token', req.body.token, accessTokenOptions());
  res.cookie('refresh_token', req.body.refresh, fromSettings(req.app.locals.settings));
}
