// Koa `ctx.cookies.set(name, value, opts)` and the `cookies` package it wraps (`new Cookies(req, res).set`).
// HttpOnly is on unless turned off, and a missing `secure` follows the request's protocol; writing
// `secure: true` makes the package throw behind a plain-HTTP proxy hop, so only an explicit `false` counts.
import {
  calleeImport,
  calleeName,
  callsOf,
  localInitOf,
  memberPropertyName,
  unwrap,
  type JsModule,
  type JsNode,
  type JsPath,
} from '../languages/javascript.js';
import type { CookieSite } from '../model.js';
import { importsOak } from './oak-cookies-set.js';
import type { JsRule } from './rule.js';
import { isCall, isMember, nameValueOptionsSite, takesNameValueOptions } from './js-site.js';

/** Imports that say the file is Koa (or Egg, built on it) code, where `context.cookies` is Koa's. */
const KOA_SOURCES = /^(koa|koa-.+|@koa\/.+|egg)$/;
/** Frameworks whose own `ctx.cookies.set` has other defaults. */
const OTHER_FRAMEWORKS = /^(astro(:.+)?|@sveltejs\/kit|next\/.+)$/;

export const koaCookiesSet: JsRule = {
  meta: {
    id: 'koa-cookies-set',
    framework: 'koa',
    language: 'javascript',
    api: 'ctx.cookies.set()',
    description:
      'Koa `ctx.cookies.set(name, value, options)` and `new Cookies(req, res).set(…)` (`cookies` package).',
    defaults: { httpOnly: 'on', secure: 'auto' },
    neverAddSecure: true,
  },
  findSites(module, { load }) {
    const sites: CookieSite[] = [];
    let koa: boolean | null = null;
    for (const call of callsOf(module)) {
      const node = call.node;
      if (!isCall(node) || calleeName(node) !== 'set') continue;
      const callee = unwrap(node.callee);
      if (!isMember(callee) || !takesNameValueOptions(node)) continue;
      koa ??= isKoaFile(module);
      if (!isCookieJar(module, unwrap(callee.object), call.get('callee', 'object'), koa)) continue;
      const site = nameValueOptionsSite(this.meta.id, module, call, load);
      if (site) sites.push(site);
    }
    return sites;
  },
};

function isKoaFile(module: JsModule): boolean {
  if (isOtherFramework(module)) return false;
  return [...module.imports.values()].some((binding) => KOA_SOURCES.test(binding.source));
}

/** Astro, SvelteKit, Next.js and Oak also hand handlers a context with `cookies`, with other defaults. */
function isOtherFramework(module: JsModule): boolean {
  if (importsOak(module)) return true;
  if (/(^|\/)(\+page\.server|\+layout\.server|\+server|hooks\.server)\.[cm]?[jt]s$/.test(module.file))
    return true;
  return [...module.imports.values()].some(
    (binding) => OTHER_FRAMEWORKS.test(binding.source) || binding.source.endsWith('/$types'),
  );
}

/** `ctx.cookies`, `this.cookies` / `context.cookies` in Koa files, or a `cookies` package jar. */
function isCookieJar(module: JsModule, receiver: JsNode, path: JsPath, koa: boolean): boolean {
  if (isMember(receiver) && memberPropertyName(receiver) === 'cookies') {
    const owner = unwrap(receiver.object);
    if (owner.type === 'Identifier' && owner.name === 'ctx') return !isOtherFramework(module);
    if (!koa) return false;
    return owner.type === 'ThisExpression' || (owner.type === 'Identifier' && owner.name === 'context');
  }
  if (receiver.type === 'NewExpression') return calleeImport(module, receiver)?.source === 'cookies';
  if (receiver.type === 'Identifier') {
    const init = localInitOf(path, receiver.name);
    const value = init ? unwrap(init.node) : null;
    return value?.type === 'NewExpression' && calleeImport(module, value)?.source === 'cookies';
  }
  return false;
}
