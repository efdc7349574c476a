// WebOb's cookie profiles, used by Pyramid apps for their own auth cookies:
// `CookieProfile(cookie_name, secure=False, max_age=None, httponly=None, samesite=None, …)` and
// `SignedCookieProfile(secret, salt, cookie_name, secure=False, max_age=None, httponly=False, …)`. Neither sets
// HttpOnly or Secure unless asked, nor SameSite. `set_cookies()` can override per call; the profile is the default.
import { findFactorySites } from './pyramid-common.js';
import type { PyRule } from './rule.js';

export const webobCookieProfile: PyRule = {
  meta: {
    id: 'webob-cookie-profile',
    framework: 'pyramid',
    language: 'python',
    api: 'CookieProfile() / SignedCookieProfile()',
    description:
      "WebOb's cookie profiles (`webob.cookies.CookieProfile`, `SignedCookieProfile`), which Pyramid apps use for auth cookies: `secure` and `httponly` default to off.",
    defaults: { httpOnly: 'off', secure: 'off' },
    namedByCaller: true,
    mentions: ['CookieProfile'],
  },
  findSites(module, context) {
    if (!module.text.includes('CookieProfile')) return [];
    return findFactorySites(module, context, {
      ruleId: this.meta.id,
      keys: { httpOnly: 'httponly', secure: 'secure' },
      packages: ['webob'],
      constructors: {
        CookieProfile: { positions: { cookieName: 0, secure: 1, httpOnly: 3 }, unsigned: true },
        SignedCookieProfile: { positions: { cookieName: 2, secure: 3, httpOnly: 5 } },
      },
    });
  },
};
