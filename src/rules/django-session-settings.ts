// Django's session cookie settings: `SESSION_COOKIE_SECURE` (default False) and `SESSION_COOKIE_HTTPONLY`
// (default True), judged in each settings module Django can load (django-common.ts). Secure is added in the
// production module; an explicit False is flipped where it is written.
import { djangoFamilySites, djangoSettings } from './django-common.js';
import type { PyRule } from './rule.js';

export const djangoSessionSettings: PyRule = {
  meta: {
    id: 'django-session-settings',
    framework: 'django',
    language: 'python',
    api: 'SESSION_COOKIE_SECURE / SESSION_COOKIE_HTTPONLY',
    description:
      'Django session cookie settings in settings modules (split settings followed through `import *`).',
    defaults: { httpOnly: 'on', secure: 'off' },
    sameSiteByDefault: true,
    mentions: ['INSTALLED_APPS', 'SESSION_ENGINE'],
  },
  findSites(module, context) {
    const settings = djangoSettings(context);
    if (!settings?.byModule.has(module)) return [];
    return djangoFamilySites(settings, module, {
      ruleId: this.meta.id,
      keys: { httpOnly: 'SESSION_COOKIE_HTTPONLY', secure: 'SESSION_COOKIE_SECURE' },
      cookieName: 'sessionid',
      marker: 'INSTALLED_APPS',
      prefix: 'SESSION_COOKIE_',
      keyRunByEnd: false,
      neighbours: ['CSRF_COOKIE_', 'SECURE_'],
    });
  },
};
