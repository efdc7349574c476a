// Pyramid's auth ticket cookie: `AuthTktAuthenticationPolicy(secret, callback, cookie_name='auth_tkt',
// secure=False, …, path, http_only=False, …)` and `AuthTktCookieHelper(secret, cookie_name, secure=False, …,
// http_only=False, path, …)`. The two put `http_only` at different positions; both default SameSite to Lax.
import { findFactorySites } from './pyramid-common.js';
import type { PyRule } from './rule.js';

export const pyramidAuthtkt: PyRule = {
  meta: {
    id: 'pyramid-authtkt',
    framework: 'pyramid',
    language: 'python',
    api: 'AuthTktAuthenticationPolicy() / AuthTktCookieHelper()',
    description:
      "Pyramid's auth ticket cookie (`AuthTktAuthenticationPolicy`, `AuthTktCookieHelper`): `secure` and `http_only` default to off.",
    defaults: { httpOnly: 'off', secure: 'off' },
    namedByCaller: true,
    sameSiteByDefault: true,
    mentions: ['AuthTkt'],
  },
  findSites(module, context) {
    if (!module.text.includes('AuthTkt')) return [];
    return findFactorySites(module, context, {
      ruleId: this.meta.id,
      keys: { httpOnly: 'http_only', secure: 'secure' },
      constructors: {
        AuthTktAuthenticationPolicy: {
          positions: { cookieName: 2, secure: 3, httpOnly: 9 },
          defaultName: 'auth_tkt',
        },
        AuthTktCookieHelper: {
          positions: { cookieName: 1, secure: 2, httpOnly: 7 },
          defaultName: 'auth_tkt',
        },
      },
    });
  },
};
