// js-cookie (browser): `Cookies.set(name, value, attributes)`. There is no HttpOnly from script, and
// Secure is off unless `secure: true` is passed.
import { calleeImport, callsOf } from '../languages/javascript.js';
import type { CookieSite } from '../model.js';
import { clientCallSite, clientSite } from './client-common.js';
import type { JsRule } from './rule.js';

export const jsCookieSet: JsRule = {
  meta: {
    id: 'js-cookie-set',
    framework: 'js-cookie',
    language: 'javascript',
    api: 'Cookies.set()',
    description: 'js-cookie `Cookies.set(name, value, attributes)` in browser code (Secure only).',
    defaults: { httpOnly: 'off', secure: 'off' },
    clientSide: true,
  },
  findSites(module, { load }) {
    const sites: CookieSite[] = [];
    for (const call of callsOf(module)) {
      const node = call.node;
      if (node.type !== 'CallExpression') continue;
      const binding = calleeImport(module, node);
      if (binding?.source !== 'js-cookie' || binding.imported !== 'set') continue;
      if (node.arguments.length < 2 || node.arguments.length > 3) continue;
      const site = clientCallSite(this.meta.id, module, call, load);
      if (site) sites.push(clientSite(site, 'js-cookie'));
    }
    return sites;
  },
};
