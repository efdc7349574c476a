// Auth.js / next-auth: `NextAuth({ cookies: { sessionToken: { name, options: { … } } }, useSecureCookies })`
// (and SvelteKitAuth, ExpressAuth, Auth, …), or a config object typed for them. Auth.js makes its cookies
// HttpOnly and sets Secure when the site URL is https, so only an explicit `false` weakens them.
import {
  calleeImport,
  callsOf,
  stringValue,
  unwrap,
  type JsModule,
  type JsNode,
} from '../languages/javascript.js';
import { readFlag, readOptions, type JsModuleLoader, type OptionsView } from '../languages/js-options.js';
import type { CookieKind, CookieSite } from '../model.js';
import type { JsRule } from './rule.js';
import { siteFromOptions } from './js-site.js';

const SOURCES = /^(next-auth|@auth\/[\w-]+)$/;
/** Exported functions taking the config, by the index of the config argument. */
const ENTRY_POINTS: Record<string, number> = {
  default: 0,
  NextAuth: 0,
  SvelteKitAuth: 0,
  ExpressAuth: 0,
  SolidAuth: 0,
  QwikAuth$: 0,
  Auth: 1,
};
/** What Auth.js uses each cookie for, when the key says more than the name. */
const ROLES: Record<string, CookieKind> = { sessionToken: 'session', csrfToken: 'csrf' };
const CONFIG_TYPES = new Set([
  'NextAuthOptions',
  'AuthOptions',
  'NextAuthConfig',
  'AuthConfig',
  'SvelteKitAuthConfig',
]);

export const authjsCookies: JsRule = {
  meta: {
    id: 'authjs-cookies',
    framework: 'authjs',
    language: 'javascript',
    api: 'NextAuth({ cookies, useSecureCookies })',
    description:
      'Cookie overrides of Auth.js / next-auth (`cookies.*.options`) and `useSecureCookies: false`.',
    defaults: { httpOnly: 'on', secure: 'auto' },
    sameSiteByDefault: true,
  },
  findSites(module, { load }) {
    const sites: CookieSite[] = [];
    for (const call of callsOf(module)) {
      const node = call.node;
      if (node.type !== 'CallExpression') continue;
      const binding = calleeImport(module, node);
      if (!binding || !SOURCES.test(binding.source) || !(binding.imported in ENTRY_POINTS)) continue;
      // next-auth v4 API routes also call `NextAuth(req, res, options)`.
      const index = node.arguments.length === 3 ? 2 : ENTRY_POINTS[binding.imported]!;
      const config = node.arguments[index];
      if (!config) continue;
      const view = readOptions(module, config, call.get('arguments', index), { load });
      if (!('unknown' in view)) sites.push(...sitesOfConfig(this.meta.id, module, view, node.start, load));
    }
    for (const config of typedConfigs(module)) {
      const view = readOptions(module, config, null, { load });
      if (!('unknown' in view)) sites.push(...sitesOfConfig(this.meta.id, module, view, config.start, load));
    }
    return sites;
  },
};

function sitesOfConfig(
  ruleId: string,
  module: JsModule,
  config: OptionsView,
  anchor: number,
  load: JsModuleLoader,
): CookieSite[] {
  const sites: CookieSite[] = [];
  const useSecure = readFlag(config, 'useSecureCookies');
  if (useSecure.kind === 'false' || useSecure.kind === 'conditional') {
    sites.push({
      ruleId,
      file: config.module.file,
      offset: config.object.start,
      cookieNames: [],
      kind: 'session',
      flags: { httpOnly: { kind: 'absent' }, secure: useSecure },
      keys: { httpOnly: null, secure: 'useSecureCookies' },
      insertion: null,
      usedAt: [],
      notes: ['`useSecureCookies` decides Secure for every Auth.js cookie.'],
    });
  }
  const cookies = config.keys.get('cookies');
  if (!cookies || cookies === 'unknown') return sites;
  const overrides = readOptions(cookies.module, cookies.value, null, { load });
  if ('unknown' in overrides) return sites;
  for (const [key, writer] of overrides.keys) {
    if (writer === 'unknown') continue;
    const entry = readOptions(writer.module, writer.value, null, { load });
    if ('unknown' in entry) continue;
    const options = entry.keys.get('options');
    if (!options || options === 'unknown') continue;
    const name = entry.keys.get('name');
    const literal = name && name !== 'unknown' ? stringValue(name.value) : null;
    const site = siteFromOptions({
      ruleId,
      module: options.module,
      options: options.value,
      optionsPath: null,
      anchor: options.module === module ? anchor : unwrap(options.value).start,
      keys: { httpOnly: 'httpOnly', secure: 'secure' },
      cookieNames: [literal ?? key],
      // The key names the cookie's role; a custom name may hide it.
      kind: ROLES[key],
      load,
    });
    if (site) sites.push(site);
  }
  return sites;
}

/** `const authOptions: NextAuthOptions = { … }` or `{ … } satisfies NextAuthConfig` at module level. */
function typedConfigs(module: JsModule): JsNode[] {
  const found: JsNode[] = [];
  for (const statement of module.ast.program.body as JsNode[]) {
    const declaration =
      statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration'
        ? statement.declaration
        : statement;
    const candidates: Array<[JsNode | null, JsNode]> = [];
    if (declaration?.type === 'VariableDeclaration') {
      for (const declarator of declaration.declarations as JsNode[]) {
        if (declarator.init)
          candidates.push([declarator.id.typeAnnotation?.typeAnnotation ?? null, declarator.init]);
      }
    } else if (declaration) {
      candidates.push([null, declaration]);
    }
    for (const [annotation, init] of candidates) {
      const type =
        annotation ?? (/^TS(Satisfies|As)Expression$/.test(init.type) ? init.typeAnnotation : null);
      const object = unwrap(init);
      if (object?.type !== 'ObjectExpression' || type?.type !== 'TSTypeReference') continue;
      const name = type.typeName.type === 'Identifier' ? type.typeName.name : null;
      const binding = name ? module.imports.get(name) : undefined;
      if (binding && SOURCES.test(binding.source) && CONFIG_TYPES.has(binding.imported)) found.push(object);
    }
  }
  return found;
}
