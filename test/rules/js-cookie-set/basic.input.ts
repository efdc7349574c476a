import Cookies from 'js-cookie';

export function saveAuthToken(token: string) {
  // ruleid: js-cookie-set manual
  Cookies.set('auth_token', token, { expires: 7, secure: true, sameSite: 'strict' });
}

export function saveSession(token: string) {
  // ruleid: js-cookie-set secure-missing fixable
  Cookies.set('session', token);
  // ruleid: js-cookie-set secure-false fixable
  Cookies.set('jwt', token, { secure: false });
}

export function savePreferences(theme: string, csrf: string) {
  // ruleid: js-cookie-set secure-missing fixable
  Cookies.set('theme', theme, { expires: 365 });
  // ruleid: js-cookie-set secure-false fixable
  Cookies.set('theme', theme, { secure: false });
  // ruleid: js-cookie-set secure-conditional conditional
  Cookies.set('locale', 'en', { secure: location.protocol === 'https:' });
  // ruleid: js-cookie-set secure-missing fixable
  Cookies.set('XSRF-TOKEN', csrf, { sameSite: 'strict' });
  // ok: js-cookie-set
  Cookies.set('XSRF-TOKEN', csrf, { secure: true });
  // never HttpOnly: script cannot set it
  // ok: js-cookie-set
  Cookies.set('banner', 'hidden', { secure: true });
}

export function withAttributes(attributes: Cookies.CookieAttributes) {
  // ruleid: js-cookie-set secure-unknown conditional
  Cookies.set('banner', 'hidden', { ...attributes, expires: 1 });
}

const jar = new Map<string, string>();
// ok: js-cookie-set
jar.set('session', 'x');

// ruleid: js-cookie-set secure-missing fixable
const longLived = { expires: 365, path: '/' };
Cookies.set('consent', 'yes', longLived);
