// AdonisJS's app-wide cookie defaults: `export const http = defineConfig({ cookie: {…} })` in `config/app.ts`
// (v6), or `export const http: ServerConfig = { cookie: {…} }` (v5). Every `response.cookie` call and the
// session cookie are written over these. v6's `defineConfig` supplies HttpOnly, Secure and SameSite lax only
// while `cookie` is left out: a `cookie` object replaces its defaults whole, so a key missing there is off. v5
// has no defaults at all.
import { calleeImport, unwrap, type JsModule, type JsNode } from '../languages/javascript.js';
import { readOptions, type JsModuleLoader } from '../languages/js-options.js';
import type { CookieSite } from '../model.js';
import type { JsRule } from './rule.js';
import { isAdonisFile, isAdonisSource } from './adonisjs-common.js';
import { siteFromOptions } from './js-site.js';

const APP_CONFIG = /(^|\/)config\/app\.[cm]?[jt]s$/;

export const adonisjsHttpCookie: JsRule = {
  meta: {
    id: 'adonisjs-http-cookie',
    framework: 'adonisjs',
    language: 'javascript',
    api: 'defineConfig({ cookie })',
    description:
      "The app-wide cookie defaults of AdonisJS (`http.cookie` in `config/app.ts`): a `cookie` object there replaces `defineConfig`'s own defaults, so a key it leaves out is off (as everywhere in v5).",
    defaults: { httpOnly: 'off', secure: 'off' },
    // A v5 `config/app.ts` without a `cookie` key may name no cookie at all: its type does.
    mentions: ['ServerConfig'],
  },
  findSites(module, { load }) {
    const sites: CookieSite[] = [];
    for (const config of httpConfigs(module)) {
      if (config.defined && !writesCookie(module, config.options, load)) continue;
      const site = siteFromOptions({
        ruleId: this.meta.id,
        module,
        options: config.options,
        optionsPath: null,
        anchor: config.options.start,
        keys: { httpOnly: 'httpOnly', secure: 'secure' },
        cookieNames: [],
        // The session cookie takes these values unless `config/session.ts` sets its own.
        kind: 'session',
        nestedUnder: 'cookie',
        load,
      });
      if (!site) continue;
      site.notes.push(
        'These are the defaults of every cookie the app sets, the session cookie included, unless a call or the session config overrides them.',
      );
      sites.push(site);
    }
    return sites;
  },
};

interface HttpConfig {
  options: JsNode;
  /** Written through v6's `defineConfig`, which has defaults of its own. */
  defined: boolean;
}

/** The `http` export of the module: a `defineConfig` argument, or a v5 object in `config/app.ts`. */
function httpConfigs(module: JsModule): HttpConfig[] {
  const found: HttpConfig[] = [];
  for (const statement of module.ast.program.body as JsNode[]) {
    if (statement.type !== 'ExportNamedDeclaration') continue;
    const declaration = statement.declaration;
    if (declaration?.type !== 'VariableDeclaration') continue;
    for (const declarator of declaration.declarations as JsNode[]) {
      if (declarator.id.type !== 'Identifier' || declarator.id.name !== 'http' || !declarator.init) continue;
      const init = unwrap(declarator.init);
      if (init.type === 'CallExpression') {
        const binding = calleeImport(module, init);
        const [options] = init.arguments as JsNode[];
        if (binding?.imported === 'defineConfig' && isAdonisSource(binding.source) && options)
          found.push({ options, defined: true });
      } else if (init.type === 'ObjectExpression' && isAdonisFile(module) && APP_CONFIG.test(module.file)) {
        found.push({ options: init, defined: false });
      }
    }
  }
  return found;
}

/** The config names `cookie` (or may, through a spread): only then are `defineConfig`'s defaults replaced. */
function writesCookie(module: JsModule, options: JsNode, load: JsModuleLoader): boolean {
  const view = readOptions(module, options, null, { load });
  return 'unknown' in view || view.keys.has('cookie') || view.unknownSpread !== null;
}
