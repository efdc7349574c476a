// AdonisJS sessions: `defineConfig({ cookie: {…} })` from `@adonisjs/session` (v6 and later),
// `sessionConfig({…})` from `@adonisjs/session/build/config` or an object typed `SessionConfig` (v5). The
// session id is written with `response.cookie(name, id, config.cookie)`, so keys left out here come from the
// app's `http.cookie` defaults (checked by adonisjs-http-cookie): only what this config writes counts.
import { calleeImport, callsOf, unwrap, type JsModule, type JsNode } from '../languages/javascript.js';
import type { JsModuleLoader } from '../languages/js-options.js';
import type { CookieSite } from '../model.js';
import type { JsRule } from './rule.js';
import { namesOf, optionString, siteFromCall, siteFromOptions } from './js-site.js';

const HELPERS: Record<string, string> = {
  '@adonisjs/session': 'defineConfig',
  '@adonisjs/session/build/config': 'sessionConfig',
};
const TYPE_SOURCES = /^(@ioc:Adonis\/Addons\/Session|@adonisjs\/session(\/.*)?)$/;
const KEYS = { httpOnly: 'httpOnly', secure: 'secure' };
/** The name `defineConfig` gives the cookie when `cookieName` is left out. */
const DEFAULT_NAME = 'adonis_session';

export const adonisjsSessionConfig: JsRule = {
  meta: {
    id: 'adonisjs-session-config',
    framework: 'adonisjs-session',
    language: 'javascript',
    api: 'defineConfig({ cookie })',
    description: 'The session cookie options of `@adonisjs/session` (`config/session.ts`, `cookie: {…}`).',
    defaults: { httpOnly: 'on', secure: 'on' },
    sameSiteByDefault: true,
  },
  findSites(module, { load }) {
    const sites: CookieSite[] = [];
    for (const call of callsOf(module)) {
      const node = call.node;
      if (node.type !== 'CallExpression') continue;
      const binding = calleeImport(module, node);
      if (!binding || HELPERS[binding.source] !== binding.imported) continue;
      const options = node.arguments[0];
      if (!options) continue;
      const site = siteFromCall({
        ruleId: this.meta.id,
        module,
        call,
        optionsIndex: 0,
        keys: KEYS,
        cookieNames: namesOf(optionString(module, options, call.get('arguments', 0), 'cookieName', load), [
          DEFAULT_NAME,
        ]),
        kind: 'session',
        nestedUnder: 'cookie',
        load,
      });
      if (site) sites.push(site);
    }
    sites.push(...typedConfigs(module, load, this.meta.id));
    return sites;
  },
};

/** v5's `const sessionConfig: SessionConfig = { … }` at module level. */
function typedConfigs(module: JsModule, load: JsModuleLoader, ruleId: string): CookieSite[] {
  const sites: CookieSite[] = [];
  for (const statement of module.ast.program.body as JsNode[]) {
    const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
    if (declaration?.type !== 'VariableDeclaration') continue;
    for (const declarator of declaration.declarations as JsNode[]) {
      const init = declarator.init ? unwrap(declarator.init) : null;
      const type = declarator.id.typeAnnotation?.typeAnnotation;
      if (init?.type !== 'ObjectExpression' || type?.type !== 'TSTypeReference') continue;
      const name = type.typeName.type === 'Identifier' ? type.typeName.name : null;
      const binding = name ? module.imports.get(name) : undefined;
      if (!binding || !TYPE_SOURCES.test(binding.source) || binding.imported !== 'SessionConfig') continue;
      const site = siteFromOptions({
        ruleId,
        module,
        options: init,
        optionsPath: null,
        anchor: init.start,
        keys: KEYS,
        cookieNames: namesOf(optionString(module, init, null, 'cookieName', load), [DEFAULT_NAME]),
        kind: 'session',
        nestedUnder: 'cookie',
        load,
      });
      if (site) sites.push(site);
    }
  }
  return sites;
}
