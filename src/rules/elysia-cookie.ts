// Elysia: a handler's `cookie` jar. `cookie.name.set({ … })` starts over from the app's cookie config and
// applies the object; `.update({ … })` merges into it; `cookie.name.value = v` uses the app's config as it
// is. That config is `new Elysia({ cookie: { … } })` on the instance the route belongs to; on top of it
// Elysia only defaults `path`, so HttpOnly and Secure are off unless one of them says so.
import {
  callsOf,
  calleeName,
  declarationOf,
  declaredInFunction,
  localInitOf,
  memberAssignmentsOf,
  memberPropertyName,
  moduleLevelInit,
  stringValue,
  unwrap,
  type JsModule,
  type JsNode,
  type JsPath,
} from '../languages/javascript.js';
import { readFlag, readOptions, type JsModuleLoader } from '../languages/js-options.js';
import type { CookieSite, Flag, FlagValue } from '../model.js';
import type { JsRule } from './rule.js';
import { isMember, siteFromCall } from './js-site.js';

const KEYS = { httpOnly: 'httpOnly', secure: 'secure' } as const;
const FLAGS: readonly Flag[] = ['httpOnly', 'secure'];

export const elysiaCookie: JsRule = {
  meta: {
    id: 'elysia-cookie',
    framework: 'elysia',
    language: 'javascript',
    api: 'cookie.name.set() / new Elysia({ cookie })',
    description:
      "Elysia's cookie jar: `cookie[name].set({…})` / `.update({…})`, and `cookie[name].value = …` against the app's `new Elysia({ cookie })` config.",
    defaults: { httpOnly: 'off', secure: 'off' },
  },
  findSites(module, { load }) {
    if (!importsElysia(module)) return [];
    const sites: CookieSite[] = [];
    for (const call of callsOf(module)) {
      const node = call.node;
      const method = calleeName(node);
      if (node.type !== 'CallExpression' || (method !== 'set' && method !== 'update')) continue;
      if (node.arguments.length !== 1) continue;
      const callee = unwrap(node.callee);
      if (!isMember(callee)) continue;
      const name = cookieRefName(call.get('callee', 'object'));
      if (name === undefined) continue;
      const instance = owningInstance(module, call);
      const site = siteFromCall({
        ruleId: this.meta.id,
        module,
        call,
        optionsIndex: 0,
        keys: { ...KEYS },
        cookieNames: name === null ? [] : [name],
        load,
        refine(_view, flags) {
          // A key the call leaves out keeps the app's value (`set` starts from the app config).
          const config = instance ? appCookieFlags(module, instance, load) : null;
          for (const flag of FLAGS)
            if (flags[flag].kind === 'absent' && config && config[flag].kind !== 'absent')
              flags[flag] = config[flag];
        },
      });
      if (site) sites.push(site);
    }
    sites.push(...valueAssignmentSites(module, this.meta.id, load));
    return sites;
  },
};

function importsElysia(module: JsModule): boolean {
  for (const binding of module.imports.values())
    if (/^(npm:)?elysia(@[^/]*)?$/.test(binding.source)) return true;
  return false;
}

/**
 * The cookie's name when `path` is one of the handler's cookies: `cookie.sid`, `cookie['sid']`,
 * `ctx.cookie.sid`, or a name destructured from `{ cookie: { sid } }`; null for a computed name, undefined
 * when it is something else.
 */
function cookieRefName(path: JsPath): string | null | undefined {
  const node = unwrap(path.node);
  if (isMember(node)) {
    const jar = unwrap(node.object);
    const isJar =
      (jar.type === 'Identifier' && jar.name === 'cookie' && declaredInFunction(path, 'cookie')) ||
      (isMember(jar) && memberPropertyName(jar) === 'cookie' && unwrap(jar.object).type === 'Identifier');
    if (!isJar) return undefined;
    return node.computed ? stringValue(node.property) : memberPropertyName(node);
  }
  if (node.type !== 'Identifier') return undefined;
  // `({ cookie: { sid } }) =>`: the binding sits in a pattern that is the value of a `cookie` key.
  const declared = declarationOf(path, node.name);
  // `parent` skips the arrays of properties between a node and the node holding it.
  const property = declared?.parent;
  const pattern = property?.parent;
  const outer = pattern?.parent;
  if (property?.node?.type !== 'ObjectProperty' || pattern?.node?.type !== 'ObjectPattern') return undefined;
  if (outer?.node?.type !== 'ObjectProperty' || outer.node.value !== pattern.node) return undefined;
  const key = outer.node.key;
  if ((key.type === 'Identifier' ? key.name : stringValue(key)) !== 'cookie') return undefined;
  const inner = property.node.key;
  return inner.type === 'Identifier' && !property.node.computed ? inner.name : stringValue(inner);
}

/**
 * The `new Elysia(…)` whose route the code at `path` belongs to: the chain `new Elysia(…).get(…, handler)`
 * around it, or `app.get(…)` where `app` holds such a chain.
 */
function owningInstance(module: JsModule, path: JsPath): JsPath | null {
  for (let current = path.parentPath; current; current = current.parentPath) {
    const node = current.node;
    if (node?.type !== 'CallExpression' || !isMember(unwrap(node.callee))) continue;
    const found = chainRoot(module, current.get('callee', 'object'), 0);
    if (found) return found;
  }
  return null;
}

function chainRoot(module: JsModule, path: JsPath, depth: number): JsPath | null {
  if (depth > 20) return null;
  const node = unwrap(path.node);
  if (node?.type === 'NewExpression') {
    const callee = unwrap(node.callee);
    const binding = callee.type === 'Identifier' ? module.imports.get(callee.name) : null;
    return binding && /elysia/.test(binding.source) && binding.imported === 'Elysia' ? path : null;
  }
  if (node?.type === 'CallExpression' && isMember(unwrap(node.callee)))
    return chainRoot(module, path.get('callee', 'object'), depth + 1);
  if (node?.type === 'Identifier') {
    const local = localInitOf(path, node.name);
    if (local) return chainRoot(module, local.path, depth + 1);
    const init = moduleLevelInit(module, node.name);
    if (!init) return null;
    const declarator = findPath(module, init);
    return declarator ? chainRoot(module, declarator, depth + 1) : null;
  }
  return null;
}

/** The path of a node found by its position, among the calls the module walk collected. */
function findPath(module: JsModule, node: JsNode): JsPath | null {
  const target = unwrap(node);
  return callsOf(module).find((call) => call.node === target) ?? null;
}

/** The flags the app's `cookie` config gives every cookie of the instance. */
function appCookieFlags(
  module: JsModule,
  instance: JsPath,
  load: JsModuleLoader,
): Record<Flag, FlagValue> | null {
  const options = unwrap(instance.node).arguments[0];
  if (!options) return { httpOnly: { kind: 'absent' }, secure: { kind: 'absent' } };
  const outer = readOptions(module, options, instance.get('arguments', 0), { load });
  if ('unknown' in outer) return null;
  const writer = outer.keys.get('cookie');
  if (writer === 'unknown') return null;
  if (!writer) return { httpOnly: { kind: 'absent' }, secure: { kind: 'absent' } };
  const inner = readOptions(writer.module, writer.value, null, { load });
  if ('unknown' in inner) return null;
  return { httpOnly: readFlag(inner, 'httpOnly'), secure: readFlag(inner, 'secure') };
}

/**
 * `cookie.sid.value = v`: the cookie gets the app's config, so the site is that config (one per instance,
 * naming every cookie written this way). A flag the code sets on the cookie itself (`cookie.sid.httpOnly =
 * true`) for every such cookie counts as set.
 */
function valueAssignmentSites(module: JsModule, ruleId: string, load: JsModuleLoader): CookieSite[] {
  const byInstance = new Map<JsPath, Set<string | null>>();
  const setters = new Map<string, Map<Flag, FlagValue>>();
  for (const assignment of memberAssignmentsOf(module)) {
    const target = unwrap(assignment.node.left);
    if (assignment.node.operator !== '=') continue;
    const property = memberPropertyName(target);
    if (property !== 'value' && property !== 'httpOnly' && property !== 'secure') continue;
    const name = cookieRefName(assignment.get('left', 'object'));
    if (name === undefined) continue;
    if (property === 'value') {
      const instance = owningInstance(module, assignment);
      if (!instance) continue;
      const names = byInstance.get(instance) ?? new Set();
      names.add(name);
      byInstance.set(instance, names);
    } else if (name !== null) {
      const value = unwrap(assignment.node.right);
      const flags = setters.get(name) ?? new Map<Flag, FlagValue>();
      flags.set(
        property,
        value.type === 'BooleanLiteral' && value.value
          ? { kind: 'true', span: { start: value.start, end: value.end } }
          : { kind: 'unknown', reason: `\`${name}.${property}\` is set in code` },
      );
      setters.set(name, flags);
    }
  }
  const sites: CookieSite[] = [];
  for (const [instance, names] of byInstance) {
    const named = [...names];
    const site = siteFromCall({
      ruleId,
      module,
      call: instance,
      optionsIndex: 0,
      keys: { ...KEYS },
      cookieNames: named.filter((name): name is string => name !== null),
      nestedUnder: 'cookie',
      load,
      refine(_view, flags) {
        for (const flag of FLAGS) {
          if (flags[flag].kind !== 'absent') continue;
          const own = named.map((name) => (name === null ? undefined : setters.get(name)?.get(flag)));
          if (own.every((value) => value?.kind === 'true')) flags[flag] = own[0]!;
          else if (own.some((value) => value !== undefined))
            flags[flag] = {
              kind: 'unknown',
              reason: 'some cookies set it in code, others take the app config',
            };
        }
      },
    });
    if (site) sites.push(site);
  }
  return sites;
}
