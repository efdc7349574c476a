import type { CookieOptions, Request, Response } from 'express';
import { buildOptions } from 'some-config-package';

export function setAll(req: Request, res: Response, options: CookieOptions, isProd: boolean) {
  // ruleid: express-res-cookie httpOnly-unknown secure-unknown conditional
  res.cookie('pref', 'dark', options);
  // ruleid: express-res-cookie httpOnly-unknown secure-unknown conditional
  res.cookie('theme', 'dark', isProd ? { secure: true } : {});
  // ruleid: express-res-cookie httpOnly-unknown secure-unknown conditional
  res.cookie('lang', 'en', buildOptions());
  // ruleid: express-res-cookie httpOnly-missing secure-missing manual
  res.cookie('sessionId', req.body.id, undefined);
  // ruleid: express-res-cookie httpOnly-missing secure-missing manual
  res.cookie('auth', req.body.token, null);
  // ruleid: express-res-cookie httpOnly-missing secure-missing fixable
  res?.cookie('sid', req.body.id, { path: '/', httpOnly: true, secure: true });
}

export function forward(res: Response, ...args: [string, string, CookieOptions]) {
  // ruleid: express-res-cookie httpOnly-unknown secure-unknown conditional
  res.cookie(...args);
}

export function notACookieCall(client: { cookie(a: string, b: string, c: () => void): void }) {
  // ok: express-res-cookie
  client.cookie('a', 'b', () => undefined);
}

export function otherShapes(req: Request, res: Response, opts: CookieOptions) {
  // ok: express-res-cookie
  res.cookie(opts);
  // ok: express-res-cookie
  res.cookie({ name: 'sid', value: 'x' }, 'y');
  // ok: express-res-cookie
  req.cookie('sid', 'x', {});
}
