// Starlette / FastAPI `Response.set_cookie(key, value, …)`: `secure=False, httponly=False` unless passed
// (only `samesite` has a safe default, "lax"). FastAPI's Response is Starlette's.
import type { PyRule } from './rule.js';
import { findSetCookieSites } from './response-set-cookie-common.js';

export const starletteSetCookie: PyRule = {
  meta: {
    id: 'starlette-set-cookie',
    framework: 'starlette',
    language: 'python',
    api: 'Response.set_cookie()',
    description: 'Starlette / FastAPI `response.set_cookie(...)` calls.',
    defaults: { httpOnly: 'off', secure: 'off' },
    namedByCaller: true,
    sameSiteByDefault: true,
  },
  findSites(module, context) {
    return findSetCookieSites(module, context, {
      ruleId: this.meta.id,
      framework: 'starlette',
      methods: new Set(['set_cookie']),
      positionalFlags: true,
    });
  },
};
