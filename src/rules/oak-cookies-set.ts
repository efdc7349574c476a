// Oak (Deno): `await ctx.cookies.set(name, value, options)`. The cookie map makes cookies HttpOnly unless told
// otherwise and takes Secure from whether Oak saw the request as HTTPS; an explicit `secure: true` on a request
// it sees as plain HTTP throws (and Oak never reads X-Forwarded-Proto for that), so only `false` counts.
import { callsOf, type JsModule } from '../languages/javascript.js';
import type { CookieSite } from '../model.js';
import { contextJarSite, isContextJarCall } from './context-cookies-common.js';
import type { JsRule } from './rule.js';

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
      if (!isContextJarCall(call, 'cookies', ['set'])) continue;
      const site = contextJarSite(this.meta.id, module, call, load);
      if (site) sites.push(site);
    }
    return sites;
  },
};
