import type { CookieOptions } from 'hono/utils/cookie';

// ruleid: hono-set-cookie httpOnly-false manual
export const authCookie: CookieOptions = { httpOnly: false, secure: true, sameSite: 'Strict' };
