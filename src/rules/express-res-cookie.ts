// Express `res.cookie(name, value, options?)`: only `path` gets a default, so HttpOnly and Secure are off
// unless written. A call without options gets an options argument.
import { calleeName, callsOf, unwrap, type JsNode } from '../languages/javascript.js';
import type { CookieSite } from '../model.js';
import type { JsRule } from './rule.js';
import { isCall, isMember, nameValueOptionsSite } from './js-site.js';
import { isAdonisFile, isAdonisResponse } from './adonisjs-common.js';

/** Receivers whose `.cookie()` is a browser-side or unrelated API (jquery.cookie and friends). */
const NOT_A_RESPONSE = new Set([
  '$',
  'jQuery',
  'Cookies',
  'cookies',
  'document',
  'window',
  'cy',
  'cookie',
  // Requests, HTTP clients and cookie jars read or send cookies; they never answer with Set-Cookie.
  'req',
  'request',
  'client',
  'agent',
  'jar',
  'cookieJar',
  'browser',
  'page',
]);

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
      if (!isCall(node) || calleeName(node) !== 'cookie') continue;
      const callee = unwrap(node.callee);
      if (!isMember(callee)) continue;
      const receiver = unwrap(callee.object);
      if (receiver.type === 'Identifier' && NOT_A_RESPONSE.has(receiver.name)) continue;
      if (receiver.type === 'Identifier' && /^(reply|rep)$/.test(receiver.name)) continue; // Fastify's alias
      // AdonisJS spells its response's call the same way, over other defaults (adonisjs-response-cookie).
      if (isAdonisFile(module) || isAdonisResponse(module, receiver, call.get('callee', 'object'))) continue;
      const args = node.arguments;
      if (!matchesSignature(args)) continue;
      const site = nameValueOptionsSite(this.meta.id, module, call, load);
      if (site) sites.push(site);
    }
    return sites;
  },
};

/**
 * `res.cookie(name, value, options?)`: a name that can be a string, a value that is not a callback. Other
 * shapes (`res.cookie(opts)`, a cookie object, a callback) belong to other libraries and are left alone; a
 * spread hides the options, which is reported as unknown.
 */
function matchesSignature(args: JsNode[]): boolean {
  if (args.some((arg) => arg.type === 'SpreadElement'))
    return args[0]?.type === 'SpreadElement' || args.length >= 2;
  if (args.length < 2 || args.length > 3) return false;
  const [name, value] = args.map(unwrap) as [JsNode, JsNode];
  if (
    /^(ObjectExpression|ArrayExpression|FunctionExpression|ArrowFunctionExpression|NumericLiteral|BooleanLiteral|NullLiteral)$/.test(
      name.type,
    )
  )
    return false;
  return value.type !== 'FunctionExpression' && value.type !== 'ArrowFunctionExpression';
}
