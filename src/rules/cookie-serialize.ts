// The `cookie` package: `serialize(name, value, options)` (≤ 1.x) and `stringifySetCookie` (1.1+), which
// also takes one object carrying name, value and the attributes. Nothing is on by default.
import { calleeImport, callsOf, stringValue, unwrap } from '../languages/javascript.js';
import { readOptions } from '../languages/js-options.js';
import type { CookieSite } from '../model.js';
import type { JsRule } from './rule.js';
import { siteFromCall } from './js-site.js';

export const cookieSerialize: JsRule = {
  meta: {
    id: 'cookie-serialize',
    framework: 'cookie',
    language: 'javascript',
    api: 'cookie.serialize() / stringifySetCookie()',
    description: 'Set-Cookie strings built with the `cookie` package (`serialize`, `stringifySetCookie`).',
    defaults: { httpOnly: 'off', secure: 'off' },
  },
  findSites(module, { load }) {
    const sites: CookieSite[] = [];
    for (const call of callsOf(module)) {
      const node = call.node;
      const binding = node.type === 'CallExpression' ? calleeImport(module, node) : null;
      if (binding?.source !== 'cookie') continue;
      if (binding.imported !== 'serialize' && binding.imported !== 'stringifySetCookie') continue;
      const first = node.arguments[0];
      if (!first) continue;
      const singleObject =
        unwrap(first).type === 'ObjectExpression' || (node.arguments.length === 1 && !stringValue(first));
      let names: string[];
      if (singleObject) {
        const view = readOptions(module, first, call.get('arguments', 0), { load });
        const writer = 'unknown' in view ? undefined : view.keys.get('name');
        const name = writer && writer !== 'unknown' ? stringValue(writer.value) : null;
        names = name === null ? [] : [name];
      } else {
        const name = stringValue(first);
        names = name === null ? [] : [name];
      }
      const site = siteFromCall({
        ruleId: this.meta.id,
        module,
        call,
        optionsIndex: singleObject ? 0 : 2,
        ...(singleObject ? {} : { valueIndex: 1 }),
        keys: { httpOnly: 'httpOnly', secure: 'secure' },
        cookieNames: names,
        load,
      });
      if (site) sites.push(site);
    }
    return sites;
  },
};
