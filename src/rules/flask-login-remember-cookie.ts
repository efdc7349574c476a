// Flask-Login's remember-me cookie: `REMEMBER_COOKIE_SECURE` defaults to False; `REMEMBER_COOKIE_HTTPONLY`
// defaults to True since Flask-Login 0.6 (False before), so an explicit False is flipped and Secure is added.
// A missing Secure is reported only where the config already sets other `REMEMBER_COOKIE_*` keys: apps that
// never turn on "remember me" have no such cookie.
import type { CookieSite } from '../model.js';
import { flaskFamilySites, flaskProject } from './flask-common.js';
import type { PyRule } from './rule.js';

export const flaskLoginRememberCookie: PyRule = {
  meta: {
    id: 'flask-login-remember-cookie',
    framework: 'flask-login',
    language: 'python',
    api: 'REMEMBER_COOKIE_SECURE / REMEMBER_COOKIE_HTTPONLY',
    description: 'Flask-Login remember-me cookie settings, wherever the Flask config is written.',
    defaults: { httpOnly: 'on', secure: 'off' },
  },
  findSites(module, context) {
    const project = flaskProject(context);
    if (!project) return [];
    const sites: CookieSite[] = [];
    for (const block of project.blocks) {
      if (block.module !== module) continue;
      sites.push(
        ...flaskFamilySites(project, block, {
          ruleId: this.meta.id,
          prefix: 'REMEMBER_COOKIE_',
          cookieName: 'remember_token',
          missingNeedsFamilyKey: true,
          sharesCalls: true,
        }),
      );
    }
    return sites;
  },
};
