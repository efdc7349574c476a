// Remix / React Router: `createCookie(name, options)` and the session storages built on a cookie
// (`createCookieSessionStorage({ cookie })`, `createFileSessionStorage({ cookie })`, …). Only `path` and
// `sameSite` get defaults; HttpOnly and Secure are off unless written.
import {
  calleeImport,
  calleeName,
  callsOf,
  moduleLevelInit,
  stringValue,
  unwrap,
  type JsModule,
  type JsNode,
} from '../languages/javascript.js';
import type { CookieSite } from '../model.js';
import type { JsRule } from './rule.js';
import { namesOf, optionString, siteFromCall } from './js-site.js';

/** Packages that export Remix's cookie and session helpers (`remix` is the v1 re-export package). */
const SOURCES = /^(remix|@remix-run\/[\w-]+|@react-router\/[\w-]+|react-router|react-router-dom)$/;
const STORAGE = /^create\w*SessionStorage$/;

export const remixCreateCookie: JsRule = {
  meta: {
    id: 'remix-create-cookie',
    framework: 'remix',
    language: 'javascript',
    api: 'createCookie() / createCookieSessionStorage({ cookie })',
    description:
      'Remix / React Router `createCookie(name, options)` and the `cookie` option of session storages.',
    defaults: { httpOnly: 'off', secure: 'off' },
    sameSiteByDefault: true,
    mentions: ['SessionStorage'],
  },
  findSites(module, { load }) {
    const sites: CookieSite[] = [];
    for (const call of callsOf(module)) {
      const node = call.node;
      const binding = node.type === 'CallExpression' ? calleeImport(module, node) : null;
      if (!binding || !SOURCES.test(binding.source)) continue;
      const keys = { httpOnly: 'httpOnly', secure: 'secure' };
      let site: CookieSite | null = null;
      if (binding.imported === 'createCookie' && node.arguments.length >= 1) {
        site = siteFromCall({
          ruleId: this.meta.id,
          module,
          call,
          optionsIndex: 1,
          keys,
          cookieNames: namesOf(stringValue(node.arguments[0])),
          load,
        });
      } else if (STORAGE.test(binding.imported)) {
        const options = node.arguments[0];
        const path = options ? call.get('arguments', 0) : null;
        site = siteFromCall({
          ruleId: this.meta.id,
          module,
          call,
          optionsIndex: 0,
          keys,
          cookieNames: namesOf(optionString(module, options, path, 'name', load, 'cookie'), ['__session']),
          kind: 'session',
          nestedUnder: 'cookie',
          nestedIsOther: isCookieObject,
          load,
        });
      }
      if (site) sites.push(site);
    }
    return sites;
  },
};

/** `cookie: createCookie(…)`, a name bound to such a call, or an unreadable import: a Cookie object. */
function isCookieObject(module: JsModule, value: JsNode): boolean {
  let current = unwrap(value);
  if (current?.type === 'Identifier') {
    if (module.imports.has(current.name)) return true;
    current = unwrap(moduleLevelInit(module, current.name));
  }
  return current?.type === 'CallExpression' && calleeName(current) === 'createCookie';
}
