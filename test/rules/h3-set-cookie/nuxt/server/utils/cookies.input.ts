import type { CookieSerializeOptions } from 'cookie-es';

// ruleid: h3-set-cookie secure-missing fixable
export const refreshCookie: CookieSerializeOptions = { httpOnly: true, path: '/api/auth' };
