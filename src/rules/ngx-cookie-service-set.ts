// Angular browser cookies: ngx-cookie-service `cookieService.set(name, value, options | expires, path,
// domain, secure, sameSite)` and ngx-cookie `cookieService.put(name, value, options)`. Script cannot set
// HttpOnly; Secure is off unless passed. The positional form keeps Secure at argument 6, where a missing
// flag is reported but not written (it would take placeholder arguments).
import {
  calleeName,
  callsOf,
  memberPropertyName,
  stringValue,
  unwrap,
  type JsModule,
  type JsNode,
  type JsPath,
} from '../languages/javascript.js';
import { evaluateFlag, resolveExpression, type JsModuleLoader } from '../languages/js-options.js';
import type { CookieSite } from '../model.js';
import { CLIENT_KEYS, clientCallSite, clientSite, unsplicable } from './client-common.js';
import type { JsRule } from './rule.js';
import { namesOf } from './js-site.js';

/** ngy-cookie is a maintained fork of ngx-cookie with the same API. */
const SOURCES = new Set(['ngx-cookie-service', 'ngx-cookie-service-ssr', 'ngx-cookie', 'ngy-cookie']);
const METHODS = new Set(['set', 'put', 'putObject']);
/** Index of `secure` in ngx-cookie-service's positional `set`. */
const POSITIONAL_SECURE = 5;

export const ngxCookieServiceSet: JsRule = {
  meta: {
    id: 'ngx-cookie-service-set',
    framework: 'ngx-cookie-service',
    language: 'javascript',
    api: 'cookieService.set() / put()',
    description:
      'Angular `CookieService.set(…)` (ngx-cookie-service) and `.put(…)` (ngx-cookie) in browser code.',
    defaults: { httpOnly: 'off', secure: 'off' },
    clientSide: true,
  },
  findSites(module, { load }) {
    if (![...module.imports.values()].some((binding) => SOURCES.has(binding.source))) return [];
    const sites: CookieSite[] = [];
    for (const call of callsOf(module)) {
      const node = call.node;
      const method = node.type === 'CallExpression' ? calleeName(node) : null;
      if (!method || !METHODS.has(method) || !isCookieService(node)) continue;
      const args = node.arguments as JsNode[];
      if (args.length < 2) continue;
      const names = namesOf(stringValue(args[0]));
      let site: CookieSite | null;
      if (
        args.length <= 3 &&
        (args.length === 2 || isOptionsObject(module, args[2], call.get('arguments', 2), load))
      ) {
        site = clientCallSite(this.meta.id, module, call, load);
      } else {
        site = positionalSite(this.meta.id, module, node, names);
      }
      if (site) sites.push(clientSite(site, 'CookieService'));
    }
    return sites;
  },
};

/** `this.cookieService.set`, `cookies.put`: a receiver whose name says it is the cookie service. */
function isCookieService(node: JsNode): boolean {
  const callee = unwrap(node.callee);
  if (callee.type !== 'MemberExpression') return false;
  const receiver = unwrap(callee.object);
  const name =
    receiver.type === 'Identifier'
      ? receiver.name
      : receiver.type === 'MemberExpression'
        ? memberPropertyName(receiver)
        : null;
  return name !== null && /cookie/i.test(name);
}

function isOptionsObject(module: JsModule, node: JsNode, path: JsPath, load: JsModuleLoader): boolean {
  return !('unknown' in resolveExpression(module, node, path, { load }));
}

/** `set(name, value, expires, path, domain, secure, sameSite)`: Secure is read, never inserted. */
function positionalSite(ruleId: string, module: JsModule, node: JsNode, cookieNames: string[]): CookieSite {
  const args = node.arguments as JsNode[];
  const secure = args[POSITIONAL_SECURE];
  return {
    ruleId,
    file: module.file,
    offset: node.start,
    cookieNames,
    flags: {
      httpOnly: { kind: 'absent' },
      secure: secure ? evaluateFlag(module, secure, [], { load: () => null }) : { kind: 'absent' },
    },
    keys: CLIENT_KEYS,
    insertion: { container: unsplicable(module.file, node.start, node.end), nest: [] },
    usedAt: [],
    notes: secure
      ? []
      : [
          'Secure is the sixth positional argument here: pass `true` there, or switch to the options object form.',
        ],
  };
}
