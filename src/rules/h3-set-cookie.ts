// h3 / Nuxt server routes: `setCookie(event, name, value, options)`. h3 only defaults `path` to `/`, so
// HttpOnly and Secure are off unless written. In Nuxt `server/` files the function is auto-imported.
import { callsOf, stringValue } from '../languages/javascript.js';
import type { CookieSite } from '../model.js';
import { callsH3 } from './h3-common.js';
import type { JsRule } from './rule.js';
import { namesOf, siteFromCall } from './js-site.js';

export const h3SetCookie: JsRule = {
  meta: {
    id: 'h3-set-cookie',
    framework: 'h3',
    language: 'javascript',
    api: 'setCookie(event, …)',
    description:
      'h3 / Nuxt `setCookie(event, name, value, options)`, imported or auto-imported in `server/`.',
    defaults: { httpOnly: 'off', secure: 'off' },
  },
  findSites(module, { load }) {
    const sites: CookieSite[] = [];
    for (const call of callsOf(module)) {
      if (!callsH3(module, call, ['setCookie'])) continue;
      const args = call.node.arguments;
      if (args.length < 3 || args.length > 4) continue;
      const site = siteFromCall({
        ruleId: this.meta.id,
        module,
        call,
        optionsIndex: 3,
        valueIndex: 2,
        keys: { httpOnly: 'httpOnly', secure: 'secure' },
        cookieNames: namesOf(stringValue(args[1])),
        load,
      });
      if (site) sites.push(site);
    }
    return sites;
  },
};
