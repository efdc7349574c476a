// AdonisJS `response.cookie(name, value, options?)` and its `encryptedCookie` / `plainCookie` siblings. The
// options are laid over the app's `http.cookie` defaults (`config/app.ts`), which `defineConfig` makes HttpOnly,
// Secure and SameSite lax; a weak default there is reported at the config (adonisjs-http-cookie), so here only
// what the call itself writes counts.
import { calleeName, callsOf, stringValue, unwrap } from '../languages/javascript.js';
import type { CookieSite } from '../model.js';
import type { JsRule } from './rule.js';
import { isAdonisResponse } from './adonisjs-common.js';
import { isCall, isMember, namesOf, siteFromCall } from './js-site.js';

const METHODS = new Set(['cookie', 'encryptedCookie', 'plainCookie']);

export const adonisjsResponseCookie: JsRule = {
  meta: {
    id: 'adonisjs-response-cookie',
    framework: 'adonisjs',
    language: 'javascript',
    api: 'response.cookie()',
    description:
      'AdonisJS `response.cookie` / `encryptedCookie` / `plainCookie(name, value, options)` calls that turn a flag off.',
    defaults: { httpOnly: 'on', secure: 'on' },
    sameSiteByDefault: true,
  },
  findSites(module, { load }) {
    const sites: CookieSite[] = [];
    for (const call of callsOf(module)) {
      const node = call.node;
      const method = isCall(node) ? calleeName(node) : null;
      if (method === null || !METHODS.has(method)) continue;
      const callee = unwrap(node.callee);
      if (!isMember(callee) || node.arguments.length < 2 || node.arguments.length > 3) continue;
      if (!isAdonisResponse(module, callee.object, call.get('callee', 'object'))) continue;
      const site = siteFromCall({
        ruleId: this.meta.id,
        module,
        call,
        optionsIndex: 2,
        valueIndex: 1,
        keys: { httpOnly: 'httpOnly', secure: 'secure' },
        cookieNames: namesOf(stringValue(node.arguments[0])),
        load,
      });
      if (site) sites.push(site);
    }
    return sites;
  },
};
