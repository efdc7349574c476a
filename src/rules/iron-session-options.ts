// iron-session: `getIronSession(req, res, options)` / `getIronSession(cookies(), options)`, the v6
// wrappers (`withIronSessionApiRoute(handler, options)`, `ironSession(options)`), and session option
// objects declared for them (`const sessionOptions: SessionOptions = { password, cookieName,
// cookieOptions }`). `cookieOptions` default to HttpOnly and Secure: only an explicit `false` counts.
import { calleeImport, callsOf, unwrap, type JsModule, type JsNode } from '../languages/javascript.js';
import type { JsModuleLoader } from '../languages/js-options.js';
import type { CookieSite } from '../model.js';
import type { JsRule } from './rule.js';
import { namesOf, optionString, siteFromCall, siteFromOptions } from './js-site.js';

const SOURCES = /^iron-session(\/[\w-]+)?$/;
const FUNCTIONS = new Set([
  'getIronSession',
  'getServerActionIronSession',
  'withIronSessionApiRoute',
  'withIronSessionSsr',
  'ironSession',
]);
const OPTION_TYPES = new Set(['SessionOptions', 'IronSessionOptions']);
const KEYS = { httpOnly: 'httpOnly', secure: 'secure' };

export const ironSessionOptions: JsRule = {
  meta: {
    id: 'iron-session-options',
    framework: 'iron-session',
    language: 'javascript',
    api: 'getIronSession(…, { cookieOptions })',
    description: 'The `cookieOptions` of iron-session, in calls and in session option objects.',
    defaults: { httpOnly: 'on', secure: 'on' },
    sameSiteByDefault: true,
    mentions: ['iron-session'],
  },
  findSites(module, { load }) {
    const sites: CookieSite[] = [];
    for (const call of callsOf(module)) {
      const node = call.node;
      if (node.type !== 'CallExpression') continue;
      const binding = calleeImport(module, node);
      if (!binding || !SOURCES.test(binding.source) || !FUNCTIONS.has(binding.imported)) continue;
      const optionsIndex = node.arguments.length - 1;
      const options = node.arguments[optionsIndex];
      if (!options || /Function/.test(unwrap(options).type)) continue;
      const site = siteFromCall({
        ruleId: this.meta.id,
        module,
        call,
        optionsIndex,
        keys: KEYS,
        cookieNames: namesOf(
          optionString(module, options, call.get('arguments', optionsIndex), 'cookieName', load),
        ),
        kind: 'session',
        nestedUnder: 'cookieOptions',
        load,
      });
      if (site) sites.push(site);
    }
    sites.push(...declaredOptions(module, load, this.meta.id));
    return sites;
  },
};

/**
 * Module-level option objects: typed with iron-session's `SessionOptions`, or shaped like them (`password`
 * and `cookieName` side by side). The call that uses them is often in a file of its own.
 */
function declaredOptions(module: JsModule, load: JsModuleLoader, ruleId: string): CookieSite[] {
  const sites: CookieSite[] = [];
  (module.ast.program.body as JsNode[]).forEach((statement) => {
    const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
    if (declaration?.type !== 'VariableDeclaration') return;
    for (const declarator of declaration.declarations as JsNode[]) {
      const init = declarator.init ? unwrap(declarator.init) : null;
      if (init?.type !== 'ObjectExpression' || !looksLikeSessionOptions(module, declarator, init)) continue;
      const site = siteFromOptions({
        ruleId,
        module,
        options: init,
        optionsPath: null,
        anchor: init.start,
        keys: KEYS,
        cookieNames: namesOf(optionString(module, init, null, 'cookieName', load)),
        kind: 'session',
        nestedUnder: 'cookieOptions',
        load,
      });
      if (site) sites.push(site);
    }
  });
  return sites;
}

function looksLikeSessionOptions(module: JsModule, declarator: JsNode, object: JsNode): boolean {
  const annotation = declarator.id.typeAnnotation?.typeAnnotation ?? satisfiedType(declarator.init);
  if (annotation?.type === 'TSTypeReference' && annotation.typeName.type === 'Identifier') {
    const binding = module.imports.get(annotation.typeName.name);
    if (binding && SOURCES.test(binding.source) && OPTION_TYPES.has(binding.imported)) return true;
  }
  const keys = new Set(
    (object.properties as JsNode[]).map((property) => property.key?.name ?? property.key?.value),
  );
  return keys.has('password') && keys.has('cookieName');
}

function satisfiedType(node: JsNode): JsNode | null {
  return node?.type === 'TSSatisfiesExpression' || node?.type === 'TSAsExpression'
    ? node.typeAnnotation
    : null;
}
