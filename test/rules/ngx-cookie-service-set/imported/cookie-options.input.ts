import type { CookieOptions } from 'ngx-cookie';

// ruleid: ngx-cookie-service-set secure-missing fixable
export const tokenCookie: CookieOptions = { path: '/', sameSite: 'strict' };
