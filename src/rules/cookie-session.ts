// cookie-session: flat options (`cookieSession({ secure, httpOnly })`, no `cookie:` object). HttpOnly is on
// by default and Secure follows the request's protocol; writing `secure: true` makes the `cookies` package
// throw on requests it sees as plain HTTP, so only an explicit `false` is a finding.
import { calleeImport, callsOf, stringValue } from '../languages/javascript.js';
import { readOptions } from '../languages/js-options.js';
import type { CookieSite } from '../model.js';
import type { JsRule } from './rule.js';
import { siteFromCall } from './js-site.js';

export const cookieSession: JsRule = {
  meta: {
    id: 'cookie-session',
    framework: 'cookie-session',
    language: 'javascript',
    api: 'cookieSession({ … })',
    description: 'The flat options of cookie-session (`httpOnly`, `secure` next to `name` and `keys`).',
    defaults: { httpOnly: 'on', secure: 'auto' },
    neverAddSecure: true,
    // cookie-session runs in Express, so the proxy is trusted Express's way, not with Koa's `app.proxy`.
    secureWithoutThrow: "trust the TLS-terminating proxy (`app.set('trust proxy', 1)`)",
    reportAutomaticSecure: true,
  },
  findSites(module, { load }) {
    const sites: CookieSite[] = [];
    for (const call of callsOf(module)) {
      const node = call.node;
      if (node.type !== 'CallExpression') continue;
      if (calleeImport(module, node)?.source !== 'cookie-session') continue;
      let names: string[] = ['session'];
      const options = node.arguments[0];
      if (options) {
        const view = readOptions(module, options, call.get('arguments', 0), { load });
        const writer = 'unknown' in view ? undefined : view.keys.get('name');
        const name = writer && writer !== 'unknown' ? stringValue(writer.value) : null;
        if (name !== null) names = [name];
      }
      const site = siteFromCall({
        ruleId: this.meta.id,
        module,
        call,
        optionsIndex: 0,
        keys: { httpOnly: 'httpOnly', secure: 'secure' },
        cookieNames: names,
        kind: 'session',
        load,
      });
      if (site) sites.push(site);
    }
    return sites;
  },
};
