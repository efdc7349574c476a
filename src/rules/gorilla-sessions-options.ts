// gorilla/sessions `sessions.Options{…}`: assigned to `store.Options` or a session's `Options`, it replaces the
// whole struct, so the store's defaults (Secure and SameSite=None on a CookieStore since v1.3.0) are gone and
// every field the literal leaves out is off.
import { packageStructSites } from './go-cookie-common.js';
import type { GoRule } from './rule.js';

export const gorillaSessionsOptions: GoRule = {
  meta: {
    id: 'gorilla-sessions-options',
    framework: 'gorilla-sessions',
    language: 'go',
    api: 'sessions.Options{…}',
    description: 'gorilla/sessions cookie options given as a sessions.Options struct literal.',
    defaults: { httpOnly: 'off', secure: 'off' },
    mentions: ['gorilla/sessions'],
  },
  findSites(module) {
    return packageStructSites(module, this.meta.id, {
      packages: ['github.com/gorilla/sessions'],
      type: 'Options',
      keys: { httpOnly: 'HttpOnly', secure: 'Secure' },
      kind: 'session',
    });
  },
};
