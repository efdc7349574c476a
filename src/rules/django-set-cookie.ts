// Django `HttpResponse.set_cookie(key, value, …)` and `set_signed_cookie(key, value, salt, **kwargs)` (which
// forwards its keywords to set_cookie): `secure=False, httponly=False` unless passed. Django's own session and
// CSRF cookies are governed by settings instead (django-session-settings, django-csrf-settings).
import type { PyRule } from './rule.js';
import { findSetCookieSites } from './response-set-cookie-common.js';

export const djangoSetCookie: PyRule = {
  meta: {
    id: 'django-set-cookie',
    framework: 'django',
    language: 'python',
    api: 'HttpResponse.set_cookie()',
    description: 'Django `response.set_cookie(...)` / `set_signed_cookie(...)` calls.',
    defaults: { httpOnly: 'off', secure: 'off' },
    namedByCaller: true,
  },
  findSites(module, context) {
    return findSetCookieSites(module, context, {
      ruleId: this.meta.id,
      framework: 'django',
      methods: new Set(['set_cookie', 'set_signed_cookie']),
      positionalFlags: true,
    });
  },
};
