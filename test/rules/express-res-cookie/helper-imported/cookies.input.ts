import type { CookieOptions } from 'express';

export function authCookieOptions(maxAge: number): CookieOptions {
  // ruleid: express-res-cookie httpOnly-missing secure-missing fixable
  return {
    maxAge,
    sameSite: 'lax',
  };
}

// ruleid: express-res-cookie httpOnly-missing manual
export const preferenceOptions = (): CookieOptions => ({ path: '/', secure: true });

// ruleid: express-res-cookie secure-missing fixable
export const visitorOptions = { httpOnly: true };
