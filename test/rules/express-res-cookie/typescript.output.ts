import type { CookieOptions, Response } from 'express';

const sessionCookie = { maxAge: 86_400_000, sameSite: 'lax' } as const;
// ruleid: express-res-cookie secure-missing fixable
const refreshCookie = {
  path: '/auth/refresh',
  httpOnly: true,
  secure: true,
} satisfies CookieOptions;
// ruleid: express-res-cookie httpOnly-missing secure-missing fixable
const rememberCookie: CookieOptions = { 'maxAge': 1000, 'path': '/', 'secure': true };

export function login(res: Response, sid: string, refresh: string): void {
  // ruleid: express-res-cookie httpOnly-missing secure-missing fixable
  res.cookie('sid', sid, { ...sessionCookie, signed: true, httpOnly: true, secure: true } as CookieOptions);
  res.cookie('refresh_token', refresh, refreshCookie);
  res.cookie('remember', '1', rememberCookie!);
}
