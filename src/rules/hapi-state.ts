// hapi cookies (statehood): `server.state(name, options)`, `h.state(name, value, options)`, the server's
// `state: { … }` defaults, and @hapi/cookie's `server.auth.strategy(name, 'cookie', { cookie: { … } })`.
// The keys are `isHttpOnly` / `isSecure` and both default to true, so only an explicit `false` counts.
import {
  calleeImport,
  calleeName,
  callsOf,
  stringValue,
  unwrap,
  type JsNode,
} from '../languages/javascript.js';
import type { CookieSite } from '../model.js';
import { LISTS_FOLDER, isLoaderCall } from './hapi-cookie-modules.js';
import type { JsRule } from './rule.js';
import { namesOf, optionString, siteFromCall, type JsSiteRequest } from './js-site.js';

const HAPI_SOURCES = new Set(['@hapi/hapi', 'hapi']);
const KEYS = { httpOnly: 'isHttpOnly', secure: 'isSecure' };

export const hapiState: JsRule = {
  meta: {
    id: 'hapi-state',
    framework: 'hapi',
    language: 'javascript',
    api: 'server.state() / h.state()',
    description:
      'hapi cookie definitions (`server.state`, `h.state`, the server `state` option, @hapi/cookie strategies).',
    defaults: { httpOnly: 'on', secure: 'on' },
    sameSiteByDefault: true,
    mentions: ['isSecure', 'isHttpOnly'],
  },
  findSites(module, { load }) {
    const sites: CookieSite[] = [];
    const hapiFile = [...module.imports.values()].some((binding) =>
      /^(@hapi\/[\w-]+|hapi)$/.test(binding.source),
    );
    const listsFolder = LISTS_FOLDER.test(module.text);
    for (const call of callsOf(module)) {
      const node = call.node;
      const base = { ruleId: this.meta.id, module, call, keys: KEYS, load };
      let request: JsSiteRequest | null = null;
      const binding = calleeImport(module, node);
      const method = calleeName(node);
      const args = node.arguments as JsNode[];
      if (binding && HAPI_SOURCES.has(binding.source) && /^[sS]erver$/.test(binding.imported)) {
        // Hapi.server({ state: { … } }): the defaults of every cookie the server sets.
        if (!args[0]) continue;
        request = { ...base, optionsIndex: 0, cookieNames: [], nestedUnder: 'state' };
      } else if (node.type !== 'CallExpression' || unwrap(node.callee).type !== 'MemberExpression') {
        continue;
      } else if (!hapiFile && !HAPI_NAMES.has(rootName(node.callee) ?? '')) {
        continue; // `.state(…)` of some other library
      } else if (listsFolder && isLoaderCall(node)) {
        continue; // a loader registering a folder of cookie modules: hapi-cookie-modules reads the modules
      } else if (method === 'state' && (args.length === 2 || args.length === 3)) {
        const optionsIndex = args.length - 1;
        if (!isObjectLike(args[optionsIndex])) continue;
        request = { ...base, optionsIndex, cookieNames: namesOf(stringValue(args[0])) };
      } else if (method === 'strategy' && args.length === 3 && stringValue(args[1]) === 'cookie') {
        // hapi-auth-cookie before @hapi/cookie 10 took flat options, `cookie` being the cookie's name.
        const flatName = optionString(module, args[2], call.get('arguments', 2), 'cookie', load);
        const name =
          flatName ?? optionString(module, args[2], call.get('arguments', 2), 'name', load, 'cookie');
        request = {
          ...base,
          optionsIndex: 2,
          cookieNames: namesOf(name, ['sid']),
          kind: 'session',
          ...(flatName === null ? { nestedUnder: 'cookie' } : {}),
        };
      }
      if (!request) continue;
      const site = siteFromCall(request);
      if (site) sites.push(site);
    }
    return sites;
  },
};

/** What plugin and handler code calls the server and the response toolkit when nothing is imported. */
const HAPI_NAMES = new Set(['server', 'h', 'toolkit']);

/** The identifier a member / call chain starts from: `h` for `h.response('ok').state`. */
function rootName(node: JsNode): string | null {
  let current = unwrap(node);
  while (current?.type === 'MemberExpression' || current?.type === 'CallExpression') {
    current = unwrap(current.type === 'MemberExpression' ? current.object : current.callee);
  }
  return current?.type === 'Identifier' ? current.name : null;
}

/** An object literal or a name (which may lead to one): not a function, string or number. */
function isObjectLike(node: JsNode): boolean {
  const value = unwrap(node);
  return (
    value.type === 'ObjectExpression' || value.type === 'Identifier' || value.type === 'MemberExpression'
  );
}
