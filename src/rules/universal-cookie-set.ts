// universal-cookie / react-cookie: `new Cookies().set(name, value, options)` and the `setCookie` that
// `useCookies()` returns. In the browser the `httpOnly` option does nothing, so only Secure is checked.
import {
  calleeImport,
  calleeName,
  callsOf,
  declarationOf,
  localInitOf,
  unwrap,
  type JsModule,
  type JsNode,
  type JsPath,
} from '../languages/javascript.js';
import type { CookieSite } from '../model.js';
import { clientCallSite, clientSite } from './client-common.js';
import type { JsRule } from './rule.js';

const SOURCES = new Set(['universal-cookie', 'react-cookie']);

export const universalCookieSet: JsRule = {
  meta: {
    id: 'universal-cookie-set',
    framework: 'universal-cookie',
    language: 'javascript',
    api: 'cookies.set() / setCookie()',
    description: 'universal-cookie `new Cookies().set(…)` and react-cookie `setCookie(…)` (Secure only).',
    defaults: { httpOnly: 'off', secure: 'off' },
    clientSide: true,
  },
  findSites(module, { load }) {
    if (![...module.imports.values()].some((binding) => SOURCES.has(binding.source))) return [];
    const sites: CookieSite[] = [];
    for (const call of callsOf(module)) {
      const node = call.node;
      if (node.type !== 'CallExpression' || node.arguments.length < 2 || node.arguments.length > 3) continue;
      const callee = unwrap(node.callee);
      const isSet =
        callee.type === 'MemberExpression'
          ? calleeName(node) === 'set' &&
            isCookieJar(module, unwrap(callee.object), call.get('callee', 'object'))
          : callee.type === 'Identifier' && isHookSetter(module, call.get('callee'), callee.name);
      if (!isSet) continue;
      const site = clientCallSite(this.meta.id, module, call, load);
      if (site) sites.push(clientSite(site, 'universal-cookie'));
    }
    return sites;
  },
};

function isNewCookies(module: JsModule, node: JsNode | null): boolean {
  const value = node ? unwrap(node) : null;
  if (value?.type !== 'NewExpression') return false;
  const binding = calleeImport(module, value);
  return binding !== null && SOURCES.has(binding.source);
}

/** `new Cookies()` or a local holding one. */
function isCookieJar(module: JsModule, receiver: JsNode, path: JsPath): boolean {
  if (isNewCookies(module, receiver)) return true;
  if (receiver.type !== 'Identifier') return false;
  return isNewCookies(module, localInitOf(path, receiver.name)?.node ?? null);
}

/** The second element of `const [cookies, setCookie] = useCookies(…)`. */
function isHookSetter(module: JsModule, path: JsPath, name: string): boolean {
  const declared = declarationOf(path, name);
  const pattern = declared?.parent?.node;
  if (pattern?.type !== 'ArrayPattern' || pattern.elements[1] !== declared.node) return false;
  const declarator = declared.parent.parent?.node;
  if (declarator?.type !== 'VariableDeclarator' || !declarator.init) return false;
  const init = unwrap(declarator.init);
  if (init.type !== 'CallExpression') return false;
  const binding = calleeImport(module, init);
  return binding?.source === 'react-cookie' && binding.imported === 'useCookies';
}
