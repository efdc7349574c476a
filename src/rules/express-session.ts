// express-session: `session({ cookie: { … } })`. HttpOnly is on by default; Secure is off. `secure: 'auto'`
// follows the request's protocol (with `trust proxy`), which counts as set.
import { calleeImport, callsOf } from '../languages/javascript.js';
import type { CookieSite } from '../model.js';
import type { JsRule } from './rule.js';
import { siteFromCall } from './js-site.js';

export const expressSession: JsRule = {
  meta: {
    id: 'express-session',
    framework: 'express-session',
    language: 'javascript',
    api: 'session({ cookie })',
    description: 'The session cookie options of express-session (`cookie: { secure, httpOnly }`).',
    defaults: { httpOnly: 'on', secure: 'off' },
    mentions: ['express-session'],
  },
  findSites(module, { load }) {
    const sites: CookieSite[] = [];
    for (const call of callsOf(module)) {
      const node = call.node;
      if (node.type !== 'CallExpression') continue;
      if (calleeImport(module, node)?.source !== 'express-session') continue;
      const site = siteFromCall({
        ruleId: this.meta.id,
        module,
        call,
        optionsIndex: 0,
        keys: { httpOnly: 'httpOnly', secure: 'secure' },
        cookieNames: [],
        kind: 'session',
        trueStrings: ['auto'],
        nestedUnder: 'cookie',
        load,
      });
      if (site) sites.push(site);
    }
    return sites;
  },
};
