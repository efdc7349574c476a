// h3 / Nuxt server routes and SolidStart (vinxi): `setCookie(event, name, value, options)`. h3 only defaults
// `path` to `/`, so HttpOnly and Secure are off unless written. In Nuxt `server/` files the function is
// auto-imported; SolidStart's wrappers also accept the call without the event.
import {
  callsOf,
  stringValue,
  unwrap,
  type JsModule,
  type JsNode,
  type JsPath,
} from '../languages/javascript.js';
import type { CookieSite } from '../model.js';
import { callsH3, callsH3Wrapper } from './h3-common.js';
import type { JsRule } from './rule.js';
import { namesOf, siteFromCall } from './js-site.js';

export const h3SetCookie: JsRule = {
  meta: {
    id: 'h3-set-cookie',
    framework: 'h3',
    language: 'javascript',
    api: 'setCookie(event, …)',
    description:
      'h3 / Nuxt `setCookie(event, name, value, options)`, imported or auto-imported in `server/`, and SolidStart / vinxi `setCookie`.',
    defaults: { httpOnly: 'off', secure: 'off' },
  },
  findSites(module, { load }) {
    const sites: CookieSite[] = [];
    for (const call of callsOf(module)) {
      if (!callsH3(module, call, ['setCookie'])) continue;
      const args = call.node.arguments;
      const shift = withoutEvent(module, call) ? 1 : 0;
      if (args.length < 3 - shift || args.length > 4 - shift) continue;
      const site = siteFromCall({
        ruleId: this.meta.id,
        module,
        call,
        optionsIndex: 3 - shift,
        valueIndex: 2 - shift,
        keys: { httpOnly: 'httpOnly', secure: 'secure' },
        cookieNames: namesOf(stringValue(args[1 - shift])),
        load,
      });
      if (site) sites.push(site);
    }
    return sites;
  },
};

/**
 * SolidStart's `setCookie(name, value, options?)`, the event taken from the request: two arguments, or three
 * whose first is a name (a string) or whose last is an options object.
 */
function withoutEvent(module: JsModule, call: JsPath): boolean {
  if (!callsH3Wrapper(module, call)) return false;
  const args = call.node.arguments as JsNode[];
  if (args.length === 2) return true;
  if (args.length !== 3) return false;
  const first = unwrap(args[0]);
  // Three plain values are (name, value, options) unless the first is named like the event.
  if (first.type === 'Identifier') return !/^(?:event|evt|ev|e)$/.test(first.name);
  return (
    first.type === 'StringLiteral' ||
    first.type === 'TemplateLiteral' ||
    unwrap(args[2]).type === 'ObjectExpression'
  );
}
