// Bottle `response.set_cookie(name, value, secret=None, digestmod=…, **options)`: the options become Morsel
// attributes and a falsy `secure` / `httponly` is skipped, so both flags are off unless passed as keywords. The
// third positional argument is the signing secret, never an options dict, so flags are only read as keywords.
import type { PyRule } from './rule.js';
import { findSetCookieSites } from './response-set-cookie-common.js';

export const bottleSetCookie: PyRule = {
  meta: {
    id: 'bottle-set-cookie',
    framework: 'bottle',
    language: 'python',
    api: 'response.set_cookie()',
    description: 'Bottle `response.set_cookie(...)` calls in modules that use Bottle.',
    defaults: { httpOnly: 'off', secure: 'off' },
  },
  findSites(module, context) {
    return findSetCookieSites(module, context, {
      ruleId: this.meta.id,
      framework: 'bottle',
      methods: new Set(['set_cookie']),
      positionalFlags: false,
    });
  },
};
