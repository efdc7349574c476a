// Hono: `setCookie(c, name, value, opt)` and `setSignedCookie(c, name, value, secret, opt)` from
// 'hono/cookie' (and the string builders `generateCookie` / `generateSignedCookie`). Only `path` gets a
// default; `prefix: 'secure'` or `'host'` makes Hono write Secure itself.
import { calleeImport, callsOf, stringValue } from '../languages/javascript.js';
import type { CookieSite } from '../model.js';
import type { JsRule } from './rule.js';
import { namesOf, siteFromCall } from './js-site.js';

/** Exported function → [index of the cookie name, index of the options]. */
const APIS: Record<string, [number, number]> = {
  setCookie: [1, 3],
  setSignedCookie: [1, 4],
  generateCookie: [0, 2],
  generateSignedCookie: [0, 3],
};

export const honoSetCookie: JsRule = {
  meta: {
    id: 'hono-set-cookie',
    framework: 'hono',
    language: 'javascript',
    api: 'setCookie(c, …)',
    description: "Hono's `setCookie` / `setSignedCookie` helpers from 'hono/cookie'.",
    defaults: { httpOnly: 'off', secure: 'off' },
  },
  findSites(module, { load }) {
    const sites: CookieSite[] = [];
    for (const call of callsOf(module)) {
      const node = call.node;
      const binding = node.type === 'CallExpression' ? calleeImport(module, node) : null;
      if (binding?.source !== 'hono/cookie' || !(binding.imported in APIS)) continue;
      const [nameIndex, optionsIndex] = APIS[binding.imported]!;
      // The helper's own signature, or it is some other function of the same name: no fix on a guess.
      const count = node.arguments.length;
      if (count < optionsIndex || count > optionsIndex + 1) continue;
      const name = node.arguments[nameIndex] ? stringValue(node.arguments[nameIndex]) : null;
      const site = siteFromCall({
        ruleId: this.meta.id,
        module,
        call,
        optionsIndex,
        valueIndex: nameIndex + 1,
        keys: { httpOnly: 'httpOnly', secure: 'secure' },
        cookieNames: namesOf(name),
        load,
        refine(view, flags) {
          // A cookie prefix makes Hono add Secure whatever `secure` says.
          const writer = view?.keys.get('prefix');
          if (!writer || writer === 'unknown') return;
          const prefix = stringValue(writer.value);
          if ((prefix === 'secure' || prefix === 'host') && flags.secure.kind !== 'true') {
            flags.secure = { kind: 'true', span: { start: writer.value.start, end: writer.value.end } };
          }
        },
      });
      if (site) sites.push(site);
    }
    return sites;
  },
};
