// Sanic `response.add_cookie(key, value, *, secure=True, httponly=False, samesite="Lax", …)` and the same method
// on `response.cookies` (Sanic 23.3 and later): Secure and SameSite=Lax are on unless turned off, HttpOnly is
// off unless passed. Every option is keyword-only. The older `response.cookies[key] = value` style is
// `sanic-cookies-dict`.
import type { PyRule } from './rule.js';
import { findSetCookieSites } from './response-set-cookie-common.js';

export const sanicAddCookie: PyRule = {
  meta: {
    id: 'sanic-add-cookie',
    framework: 'sanic',
    language: 'python',
    api: 'response.add_cookie()',
    description: 'Sanic `response.add_cookie(...)` and `response.cookies.add_cookie(...)` calls.',
    defaults: { httpOnly: 'off', secure: 'on' },
    sameSiteByDefault: true,
  },
  findSites(module, context) {
    return findSetCookieSites(module, context, {
      ruleId: this.meta.id,
      framework: 'sanic',
      methods: new Set(['add_cookie']),
      positionalFlags: false,
      jarAttribute: 'cookies',
    });
  },
};
