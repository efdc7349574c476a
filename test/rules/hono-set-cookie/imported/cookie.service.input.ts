import type { CookieOptions } from 'hono/utils/cookie';

// ruleid: hono-set-cookie httpOnly-false fixable
export const authCookie: CookieOptions = { httpOnly: false, secure: true, sameSite: 'Strict' };
