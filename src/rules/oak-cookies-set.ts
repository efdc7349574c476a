// Oak (Deno): `await ctx.cookies.set(name, value, options)`. The cookie map makes cookies HttpOnly unless told
// otherwise and takes Secure from whether Oak saw the request as HTTPS; an explicit `secure: true` on a request
// it sees as plain HTTP throws (and Oak never reads X-Forwarded-Proto for that), so only `false` counts.
import {
  calleeName,
  callsOf,
  memberPropertyName,
  stringValue,
  unwrap,
  type JsModule,
  type JsNode,
} from '../languages/javascript.js';
import type { CookieSite } from '../model.js';
import type { JsRule } from './rule.js';
import { isCall, isMember, namesOf, siteFromCall } from './js-site.js';

/**
 * Oak as Deno and npm spell it: `jsr:@oak/oak`, `@oak/oak` (import map), `https://deno.land/x/oak@v12/mod.ts`,
 * `npm:@oakserver/oak`, with or without a version and a subpath.
 */
const OAK_SOURCE =
  /^(?:(?:jsr:|npm:)?@oak\/oak|(?:npm:)?@oakserver\/oak)(?:@[^/]*)?(?:\/.*)?$|^https?:\/\/deno\.land\/x\/oak(?:@[^/]*)?\//;

/** The file imports Oak: its `context.cookies` is Oak's cookie map, not Koa's. */
export function importsOak(module: JsModule): boolean {
  for (const binding of module.imports.values()) if (OAK_SOURCE.test(binding.source)) return true;
  return false;
}

export const oakCookiesSet: JsRule = {
  meta: {
    id: 'oak-cookies-set',
    framework: 'oak',
    language: 'javascript',
    api: 'ctx.cookies.set()',
    description: 'Oak `ctx.cookies.set(name, value, options)` in middleware and router handlers (Deno).',
    defaults: { httpOnly: 'on', secure: 'auto' },
    neverAddSecure: true,
    secureWithoutThrow:
      'behind a TLS-terminating proxy (which Oak never detects) write `secure: true` together with `ignoreInsecure: true`',
  },
  findSites(module, { load }) {
    if (!importsOak(module)) return [];
    const sites: CookieSite[] = [];
    for (const call of callsOf(module)) {
      const node = call.node;
      if (!isCall(node) || calleeName(node) !== 'set') continue;
      const callee = unwrap(node.callee);
      if (!isMember(callee) || node.arguments.length < 2 || node.arguments.length > 3) continue;
      if (!isContextCookies(unwrap(callee.object))) continue;
      // `set(name, null)` deletes the cookie: no flag protects anything there.
      if (unwrap(node.arguments[1]).type === 'NullLiteral') continue;
      if (/^(ObjectExpression|ArrayExpression|NumericLiteral)$/.test(unwrap(node.arguments[0]).type))
        continue;
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

/** `<context>.cookies` for any name of the handler's context, or a destructured `cookies`. */
function isContextCookies(receiver: JsNode): boolean {
  if (receiver.type === 'Identifier') return receiver.name === 'cookies';
  if (!isMember(receiver) || memberPropertyName(receiver) !== 'cookies') return false;
  const owner = unwrap(receiver.object);
  return owner.type === 'Identifier' || owner.type === 'ThisExpression';
}
