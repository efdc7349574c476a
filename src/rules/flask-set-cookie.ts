// Werkzeug / Flask (and Quart) `response.set_cookie(key, value, …)`: `secure=False, httponly=False` unless
// passed. `make_response(...)`, `redirect(...)` and view-returned responses all share this method.
import type { PyRule } from './rule.js';
import { findSetCookieSites } from './response-set-cookie-common.js';

export const flaskSetCookie: PyRule = {
  meta: {
    id: 'flask-set-cookie',
    framework: 'werkzeug',
    language: 'python',
    api: 'response.set_cookie()',
    description: 'Werkzeug / Flask / Quart `response.set_cookie(...)` calls in modules that use them.',
    defaults: { httpOnly: 'off', secure: 'off' },
  },
  findSites(module, context) {
    return findSetCookieSites(module, context, {
      ruleId: this.meta.id,
      framework: 'flask',
      methods: new Set(['set_cookie']),
      positionalFlags: true,
    });
  },
};
