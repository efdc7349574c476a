// Express `res.cookie(name, value, options?)`: only `path` gets a default, so HttpOnly and Secure are off
// unless written. A call without options gets an options argument.
import { calleeName, callsOf, stringValue, unwrap } from '../languages/javascript.js';
import type { CookieSite } from '../model.js';
import type { JsRule } from './rule.js';
import { siteFromCall } from './js-site.js';

/** Receivers whose `.cookie()` is a browser-side or unrelated API (jquery.cookie and friends). */
const NOT_A_RESPONSE = new Set(['$', 'jQuery', 'Cookies', 'cookies', 'document', 'window', 'cy', 'cookie']);

export const expressResCookie: JsRule = {
  meta: {
    id: 'express-res-cookie',
    framework: 'express',
    language: 'javascript',
    api: 'res.cookie()',
    description:
      'Express `res.cookie(name, value, options)` calls (and NestJS handlers using the Express response).',
    defaults: { httpOnly: 'off', secure: 'off' },
  },
  findSites(module, { load }) {
    const sites: CookieSite[] = [];
    for (const call of callsOf(module)) {
      const node = call.node;
      if (node.type !== 'CallExpression' || calleeName(node) !== 'cookie') continue;
      const callee = unwrap(node.callee);
      if (callee.type !== 'MemberExpression') continue;
      const receiver = unwrap(callee.object);
      if (receiver.type === 'Identifier' && NOT_A_RESPONSE.has(receiver.name)) continue;
      if (receiver.type === 'Identifier' && /^(reply|rep)$/.test(receiver.name)) continue; // Fastify's alias
      const args = node.arguments;
      if (args.length < 2 || args.length > 3) continue;
      if (args[1].type === 'FunctionExpression' || args[1].type === 'ArrowFunctionExpression') continue;
      const name = stringValue(args[0]);
      const site = siteFromCall({
        ruleId: this.meta.id,
        module,
        call,
        optionsIndex: 2,
        valueIndex: 1,
        keys: { httpOnly: 'httpOnly', secure: 'secure' },
        cookieNames: name === null ? [] : [name],
        load,
      });
      if (site) sites.push(site);
    }
    return sites;
  },
};
