import type { Cookies } from '@sveltejs/kit';

// ruleid: sveltekit-cookies-set secure-false fixable
export const rememberCookie = { path: '/', maxAge: 60 * 60 * 24 * 365, secure: false };

export function clearAll(cookies: Cookies) {
  // ok: sveltekit-cookies-set
  cookies.set('session', '', { path: '/', maxAge: 0 });
}
