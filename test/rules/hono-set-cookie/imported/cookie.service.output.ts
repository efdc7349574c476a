import type { CookieOptions } from 'hono/utils/cookie';

// ruleid: hono-set-cookie httpOnly-false fixable
export const authCookie: CookieOptions = { httpOnly: true, secure: true, sameSite: 'Strict' };
