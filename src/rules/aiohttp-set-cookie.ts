// aiohttp `StreamResponse.set_cookie(name, value, *, secure=None, httponly=None, …)`: each attribute is written
// only when it is not None, so a missing key and an explicit `None` both leave the flag off.
import type { PyRule } from './rule.js';
import { findSetCookieSites } from './response-set-cookie-common.js';

export const aiohttpSetCookie: PyRule = {
  meta: {
    id: 'aiohttp-set-cookie',
    framework: 'aiohttp',
    language: 'python',
    api: 'StreamResponse.set_cookie()',
    description: 'aiohttp `response.set_cookie(...)` calls (`web.Response`, `web.StreamResponse`).',
    defaults: { httpOnly: 'off', secure: 'off' },
  },
  findSites(module, context) {
    return findSetCookieSites(module, context, {
      ruleId: this.meta.id,
      framework: 'aiohttp',
      methods: new Set(['set_cookie']),
      positionalFlags: false,
    });
  },
};
