// hapi plugins that set cookies from their registration options: `server.register({ plugin, options })`
// (one object, an array of them, or a module exporting one). @hapi/yar hands `cookieOptions` to
// `server.state` with `isSecure: true` over statehood's defaults (HttpOnly on), @hapi/crumb hands its
// `cookieOptions` to `server.state` as they are (statehood: both on); other plugins passing `cookie` /
// `cookieOptions` with hapi's keys are read the same way. Both flags are on by default: only `false` counts.
import {
  calleeName,
  callsOf,
  isRequireCall,
  memberPropertyName,
  moduleLevelInit,
  propertyKeyName,
  unwrap,
  type JsModule,
  type JsNode,
  type JsPath,
} from '../languages/javascript.js';
import { findExport, resolveExpression, type JsModuleLoader } from '../languages/js-options.js';
import type { CookieKind, CookieSite } from '../model.js';
import type { JsRule } from './rule.js';
import { isCall, isMember, namesOf, optionString, siteFromOptions } from './js-site.js';

const KEYS = { httpOnly: 'isHttpOnly', secure: 'isSecure' };

interface KnownPlugin {
  /** The registration option holding the cookie's `server.state` options. */
  nested: string;
  /** The registration option naming the cookie, and its default. */
  nameKey: string;
  defaultName: string;
  kind: CookieKind;
}

const YAR: KnownPlugin = {
  nested: 'cookieOptions',
  nameKey: 'name',
  defaultName: 'session',
  kind: 'session',
};
const CRUMB: KnownPlugin = { nested: 'cookieOptions', nameKey: 'key', defaultName: 'crumb', kind: 'csrf' };
const KNOWN: Record<string, KnownPlugin> = { '@hapi/yar': YAR, yar: YAR, '@hapi/crumb': CRUMB, crumb: CRUMB };

interface Registration {
  module: JsModule;
  node: JsNode;
  /** The object's path when it is written in the `register` call (for names local to a function). */
  path: JsPath | null;
  /** A module exporting `plugin` and `options` by name instead of one object: their values. */
  named?: { plugin: JsNode; options: JsNode };
}

export const hapiPluginOptions: JsRule = {
  meta: {
    id: 'hapi-plugin-options',
    framework: 'hapi',
    language: 'javascript',
    api: 'server.register({ plugin, options })',
    description:
      'Cookie options given to hapi plugins at registration: @hapi/yar and @hapi/crumb `cookieOptions`, and any plugin passing `cookie` / `cookieOptions` with hapi keys.',
    defaults: { httpOnly: 'on', secure: 'on' },
    sameSiteByDefault: true,
    mentions: ['isSecure', 'isHttpOnly'],
  },
  findSites(module, { load }) {
    if (!module.text.includes('plugin')) return [];
    const registrations: Registration[] = [];
    for (const call of callsOf(module)) {
      const node = call.node;
      if (!isCall(node) || calleeName(node) !== 'register' || !isMember(unwrap(node.callee))) continue;
      if (node.arguments.length === 0) continue;
      registrations.push(...registrationsIn(module, node.arguments[0], call.get('arguments', 0), load));
    }
    // A plugin module exporting its own registration (`module.exports = { plugin: require('@hapi/yar'), … }`).
    const exported = findExport(module, 'default', { load });
    if (!('unknown' in exported) && exported.module === module && isRegistration(exported.node)) {
      if (knownPlugin(module, exported.node) !== null)
        registrations.push({ module, node: exported.node, path: null });
    }
    // `export { plugin, options }` (ESM plugin modules): the same registration, by name.
    const named = namedRegistration(module);
    if (named) registrations.push(named);
    const sites: CookieSite[] = [];
    const seen = new Set<JsNode>();
    for (const registration of registrations) {
      if (seen.has(registration.node)) continue;
      seen.add(registration.node);
      const site = siteOf(this.meta.id, registration, load);
      if (site) sites.push(site);
    }
    return sites;
  },
};

/** The registration objects a `register` argument amounts to: one object, an array, a required module. */
function registrationsIn(
  module: JsModule,
  node: JsNode,
  path: JsPath | null,
  load: JsModuleLoader,
): Registration[] {
  const value = unwrap(node);
  if (value?.type === 'ArrayExpression') {
    return (value.elements as JsNode[]).flatMap((element, index) =>
      element && element.type !== 'SpreadElement'
        ? registrationsIn(module, element, path ? path.get('elements', index) : null, load)
        : [],
    );
  }
  if (value?.type === 'ObjectExpression') return isRegistration(value) ? [{ module, node: value, path }] : [];
  const source = isRequireCall(value);
  if (source !== null) {
    if (!source.startsWith('.')) return [];
    const target = load(module.file, source);
    const exported = target ? findExport(target, 'default', { load }) : null;
    return exported && !('unknown' in exported) && isRegistration(exported.node)
      ? [{ module: exported.module, node: exported.node, path: null }]
      : [];
  }
  if (value?.type !== 'Identifier' && !isMember(value)) return [];
  const resolved = resolveExpression(module, value, path, { load });
  if ('unknown' in resolved || !isRegistration(resolved.node)) return [];
  return [
    { module: resolved.module, node: resolved.node, path: resolved.module === module ? resolved.path : null },
  ];
}

function isRegistration(node: JsNode): boolean {
  return node?.type === 'ObjectExpression' && propertyOf(node, 'plugin') !== null;
}

function propertyOf(object: JsNode, key: string): { node: JsNode; index: number } | null {
  let found: { node: JsNode; index: number } | null = null;
  (object.properties as JsNode[]).forEach((property, index) => {
    if (property.type === 'ObjectProperty' && propertyKeyName(property) === key)
      found = { node: property, index };
  });
  return found;
}

/** The package a `plugin:` value comes from, when it is one whose cookie options we know. */
function knownPlugin(module: JsModule, registration: JsNode): KnownPlugin | null {
  const plugin = propertyOf(registration, 'plugin');
  return plugin ? knownPluginValue(module, plugin.node.value) : null;
}

function knownPluginValue(module: JsModule, node: JsNode): KnownPlugin | null {
  let value = unwrap(node);
  if (value?.type === 'Identifier' && !module.imports.has(value.name)) {
    value = unwrap(moduleLevelInit(module, value.name)); // `const plugin = Yar`
  }
  // `require('@hapi/yar').plugin`, `Yar.plugin`
  if (isMember(value) && memberPropertyName(value) === 'plugin') value = unwrap(value.object);
  const source =
    isRequireCall(value) ?? (value?.type === 'Identifier' ? module.imports.get(value.name)?.source : null);
  return source ? (KNOWN[source] ?? null) : null;
}

function siteOf(ruleId: string, registration: Registration, load: JsModuleLoader): CookieSite | null {
  const { module, node, named } = registration;
  const options = named ? null : propertyOf(node, 'options');
  if (!named && !options) return null; // the plugin's defaults: both flags on
  const value = named ? named.options : options!.node.value;
  const path =
    registration.path && options ? registration.path.get('properties', options.index, 'value') : null;
  const known = named ? knownPluginValue(module, named.plugin) : knownPlugin(module, node);
  let nested = known?.nested;
  if (!nested) {
    // Another plugin: read whichever of the usual keys it has, and report only what is written.
    const resolved = resolveExpression(module, value, path, { load });
    if ('unknown' in resolved) return null;
    nested = ['cookieOptions', 'cookie'].find((key) => propertyOf(resolved.node, key) !== null);
    if (!nested) return null;
  }
  const name = known
    ? optionString(module, value, path, known.nameKey, load)
    : optionString(module, value, path, 'name', load, nested);
  const site = siteFromOptions({
    ruleId,
    module,
    options: value,
    optionsPath: path,
    anchor: node.start,
    keys: KEYS,
    cookieNames: namesOf(name, known ? [known.defaultName] : []),
    kind: known?.kind,
    nestedUnder: nested,
    load,
  });
  if (!site || known) return site;
  const written = [site.flags.httpOnly, site.flags.secure].some(
    (flag) => flag.kind === 'false' || flag.kind === 'conditional',
  );
  return written ? site : null;
}

/** `export const plugin = …; export const options = {…}` or `export { plugin, options }` of a known plugin. */
function namedRegistration(module: JsModule): Registration | null {
  if (!module.text.includes('options')) return null;
  const exported = new Set<string>();
  for (const statement of module.ast.program.body as JsNode[]) {
    if (statement.type !== 'ExportNamedDeclaration' || statement.source) continue;
    for (const declarator of statement.declaration?.declarations ?? []) {
      if (declarator.id.type === 'Identifier') exported.add(declarator.id.name);
    }
    for (const specifier of statement.specifiers ?? []) {
      if (specifier.local?.type === 'Identifier' && specifier.exported?.name === specifier.local.name)
        exported.add(specifier.local.name);
    }
  }
  if (!exported.has('plugin') || !exported.has('options')) return null;
  const plugin =
    moduleLevelInit(module, 'plugin') ?? (module.imports.has('plugin') ? PLUGIN_IDENTIFIER : null);
  const options = moduleLevelInit(module, 'options');
  if (!plugin || !options || knownPluginValue(module, plugin) === null) return null;
  return { module, node: options, path: null, named: { plugin, options } };
}

/** `import plugin from '@hapi/yar'; export { plugin }`: the imported name itself. */
const PLUGIN_IDENTIFIER: JsNode = { type: 'Identifier', name: 'plugin' };
