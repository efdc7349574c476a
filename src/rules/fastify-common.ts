// Fastify plugins are registered, not called: `fastify.register(plugin, options)`. These helpers name the
// plugin a registration loads and find the @fastify/cookie registration whose `parseOptions` every
// `reply.setCookie` inherits (`Object.assign({}, parseOptions, callOptions)` in the plugin).
import { posix } from 'node:path';
import {
  calleeName,
  callsOf,
  isRequireCall,
  memberPropertyName,
  unwrap,
  type JsModule,
  type JsNode,
  type JsPath,
} from '../languages/javascript.js';
import { readOptions, type JsModuleLoader, type OptionsView } from '../languages/js-options.js';

const COOKIE_PLUGINS = new Set(['@fastify/cookie', 'fastify-cookie']);

/** The package a `register(…)` call's first argument comes from: an import, `require('…')`, `x.default`. */
function pluginSource(module: JsModule, node: JsNode): string | null {
  let value = unwrap(node);
  if (value?.type === 'MemberExpression' && memberPropertyName(value) === 'default')
    value = unwrap(value.object);
  if (!value) return null;
  if (value.type === 'Identifier') return module.imports.get(value.name)?.source ?? null;
  return isRequireCall(value);
}

/** `x.register(plugin, options)` calls loading one of `sources`. */
export function registrationsOf(module: JsModule, sources: ReadonlySet<string>): JsPath[] {
  return callsOf(module).filter((call) => {
    const node = call.node;
    if (node.type !== 'CallExpression' || calleeName(node) !== 'register') return false;
    if (unwrap(node.callee).type !== 'MemberExpression' || node.arguments.length === 0) return false;
    const source = pluginSource(module, node.arguments[0]);
    return source !== null && sources.has(source);
  });
}

export interface CookieRegistration {
  module: JsModule;
  /** 1-based line of the registration, for notes. */
  line: number;
  /** The `parseOptions` object, null when the registration has none, or why it cannot be read. */
  parseOptions: OptionsView | null | { unknown: string };
}

/** Files that usually register plugins for a whole app, tried in each folder from the file up to the root. */
const ENTRY_NAMES = ['app', 'server', 'index', 'main', 'plugins/cookie', 'plugins/cookies'];

const registrationCache = new WeakMap<JsModuleLoader, Map<string, CookieRegistration | null>>();

/**
 * The @fastify/cookie registration that governs `module`: in the file itself, else in the app's entry
 * files (route files rarely import the file that registers their plugins).
 */
export function cookieRegistrationFor(module: JsModule, load: JsModuleLoader): CookieRegistration | null {
  const local = registrationIn(module, load);
  if (local) return local;
  let cache = registrationCache.get(load);
  if (!cache) {
    cache = new Map();
    registrationCache.set(load, cache);
  }
  const folder = posix.dirname(module.file);
  if (cache.has(folder)) return cache.get(folder) ?? null;
  let found: CookieRegistration | null = null;
  const depth = folder === '.' ? 0 : folder.split('/').length;
  search: for (let up = 0; up <= depth; up++) {
    const prefix = up === 0 ? './' : '../'.repeat(up);
    for (const name of ENTRY_NAMES) {
      const candidate = load(module.file, prefix + name);
      if (!candidate || candidate === module) continue;
      found = registrationIn(candidate, load);
      if (found) break search;
    }
  }
  cache.set(folder, found);
  return found;
}

function registrationIn(module: JsModule, load: JsModuleLoader): CookieRegistration | null {
  const [call] = registrationsOf(module, COOKIE_PLUGINS);
  if (!call) return null;
  const line = module.text.slice(0, call.node.start).split('\n').length;
  const options = call.node.arguments[1];
  if (!options) return { module, line, parseOptions: null };
  const view = readOptions(module, options, call.get('arguments', 1), { load });
  if ('unknown' in view) return { module, line, parseOptions: view };
  const writer = view.keys.get('parseOptions');
  if (writer === undefined) {
    return { module, line, parseOptions: view.unknownSpread ? { unknown: view.unknownSpread } : null };
  }
  if (writer === 'unknown')
    return { module, line, parseOptions: { unknown: view.unknownSpread ?? 'a spread' } };
  return { module, line, parseOptions: readOptions(writer.module, writer.value, null, { load }) };
}
