// Flask's session cookie settings, `SESSION_COOKIE_HTTPONLY` (default True) and `SESSION_COOKIE_SECURE`
// (default False), wherever the app writes its config: `app.config[...] = …`, `app.config.update(...)`,
// `from_mapping(...)`, config classes and config modules (flask-common.ts). Only Secure is added.
import type { CookieSite } from '../model.js';
import { flaskFamilySites, flaskProject } from './flask-common.js';
import type { FamilySpec } from './flask-common.js';
import type { PyRule } from './rule.js';

const SESSION_FAMILY: FamilySpec = {
  ruleId: 'flask-session-config',
  prefix: 'SESSION_COOKIE_',
  cookieName: 'session',
  missingNeedsFamilyKey: false,
};

export const flaskSessionConfig: PyRule = {
  meta: {
    id: 'flask-session-config',
    framework: 'flask',
    language: 'python',
    api: 'SESSION_COOKIE_SECURE / SESSION_COOKIE_HTTPONLY',
    description:
      'Flask (and Quart) session cookie settings in `app.config`, `config.update(...)`, config classes and config modules.',
    defaults: { httpOnly: 'on', secure: 'off' },
    mentions: ['from_object', 'from_pyfile'],
  },
  findSites(module, context) {
    const project = flaskProject(context);
    if (!project) return [];
    const sites: CookieSite[] = [];
    for (const block of project.blocks) {
      if (block.module !== module) continue;
      sites.push(...flaskFamilySites(project, block, SESSION_FAMILY));
    }
    return sites;
  },
};
