// Django's CSRF cookie: `CSRF_COOKIE_SECURE` defaults to False. `CSRF_COOKIE_HTTPONLY` is never added: Django
// documents that it protects nothing and it breaks pages whose JavaScript reads `csrftoken`.
import { djangoFamilySites, djangoSettings } from './django-common.js';
import type { PyRule } from './rule.js';

export const djangoCsrfSettings: PyRule = {
  meta: {
    id: 'django-csrf-settings',
    framework: 'django',
    language: 'python',
    api: 'CSRF_COOKIE_SECURE',
    description: 'The Django CSRF cookie setting `CSRF_COOKIE_SECURE` in settings modules (Secure only).',
    defaults: { httpOnly: 'off', secure: 'off' },
    sameSiteByDefault: true,
    mentions: ['INSTALLED_APPS'],
  },
  findSites(module, context) {
    const settings = djangoSettings(context);
    if (!settings?.byModule.has(module)) return [];
    return djangoFamilySites(settings, module, {
      ruleId: this.meta.id,
      keys: { httpOnly: null, secure: 'CSRF_COOKIE_SECURE' },
      cookieName: 'csrftoken',
      marker: 'MIDDLEWARE',
      prefix: 'CSRF_COOKIE_',
      keyRunByEnd: true,
      neighbours: ['SESSION_COOKIE_', 'SECURE_'],
    });
  },
};
