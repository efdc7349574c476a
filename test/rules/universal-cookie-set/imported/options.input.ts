import type { CookieSetOptions } from 'universal-cookie';

// ruleid: universal-cookie-set secure-missing fixable
export const base: CookieSetOptions = { path: '/', sameSite: 'lax' };
