import type { CookieOptions } from 'express';

export const accessTokenOptions = (): CookieOptions => ({ maxAge: 15 * 60 * 1000, sameSite: 'strict' });

export function fromSettings(settings: { cookie: CookieOptions }): CookieOptions {
  return settings.cookie;
}
