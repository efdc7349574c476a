// Deno's standard library: `setCookie(headers, { name, value, httpOnly, secure, … })` from `@std/http`
// (jsr, an import map, or a deno.land/std URL) appends a Set-Cookie header. Attributes are written only when
// truthy, so nothing is on by default; a `__Secure-` / `__Host-` name makes it add Secure itself.
import { calleeImport, callsOf, type JsNode } from '../languages/javascript.js';
import type { CookieSite } from '../model.js';
import type { JsRule } from './rule.js';
import { namesOf, optionString, siteFromCall } from './js-site.js';

const STD_HTTP =
  /^(?:(?:jsr:)?@std\/http(?:@[^/]*)?(?:\/(?:cookie|mod)(?:\.ts)?)?|https?:\/\/deno\.land\/std(?:@[^/]*)?\/http\/(?:cookie|mod)\.ts)$/;

export const denoStdSetCookie: JsRule = {
  meta: {
    id: 'deno-std-set-cookie',
    framework: 'deno-std',
    language: 'javascript',
    api: 'setCookie(headers, cookie)',
    description: "Deno `@std/http`'s `setCookie(headers, { name, value, … })` on a response's headers.",
    defaults: { httpOnly: 'off', secure: 'off' },
  },
  findSites(module, { load }) {
    const sites: CookieSite[] = [];
    for (const call of callsOf(module)) {
      const node = call.node;
      if (node.type !== 'CallExpression' || node.arguments.length !== 2) continue;
      const binding = calleeImport(module, node);
      if (!binding || !STD_HTTP.test(binding.source) || binding.imported !== 'setCookie') continue;
      const cookie = node.arguments[1] as JsNode;
      const site = siteFromCall({
        ruleId: this.meta.id,
        module,
        call,
        optionsIndex: 1,
        keys: { httpOnly: 'httpOnly', secure: 'secure' },
        cookieNames: namesOf(optionString(module, cookie, call.get('arguments', 1), 'name', load)),
        load,
      });
      if (site) sites.push(site);
    }
    return sites;
  },
};
