// Pyramid / WebOb `response.set_cookie(name, value='', max_age=None, path='/', domain=None, secure=False,
// httponly=False, …, samesite=None)`: both flags off unless passed (by keyword, or sixth / seventh by
// position). `request.response` and the `Response` classes of pyramid and webob share this method.
import type { PyRule } from './rule.js';
import { findSetCookieSites } from './response-set-cookie-common.js';

export const pyramidSetCookie: PyRule = {
  meta: {
    id: 'pyramid-set-cookie',
    framework: 'pyramid',
    language: 'python',
    api: 'Response.set_cookie()',
    description: 'Pyramid / WebOb `response.set_cookie(...)` calls in modules that use Pyramid or WebOb.',
    defaults: { httpOnly: 'off', secure: 'off' },
    namedByCaller: true,
  },
  findSites(module, context) {
    return findSetCookieSites(module, context, {
      ruleId: this.meta.id,
      framework: 'pyramid',
      methods: new Set(['set_cookie']),
      positionalFlags: false,
      flagPositions: { secure: 5, httponly: 6 },
      positions: { max_age: 2 },
    });
  },
};
