// Following an options argument to the object literal that defines it — in the same function, at module
// level, or in a relative module that exports it — and reading each flag's value from it.
import { abbreviate } from './text.js';
import type { Container, FlagValue } from '../model.js';
import {
  callsOf,
  memberAssignmentsOf,
  memberPropertyName,
  moduleLevelInit,
  objectContainer,
  propertyKeyName,
  spanOf,
  unwrap,
  type JsModule,
  type JsNode,
  type JsPath,
} from './javascript.js';
import { classifyJsCondition } from './js-conditions.js';
import { exportEntries, isRelative } from './js-functions.js';
import { followCall, followThisMember } from './js-options-calls.js';

/** Loads a relative module imported by `fromFile`; null when it is not in the scanned tree. */
export type JsModuleLoader = (fromFile: string, specifier: string) => JsModule | null;

/** One key's last writer in an options object. */
interface KeyWriter {
  module: JsModule;
  value: JsNode;
}

/** What an options expression amounts to, as far as static reading can tell. */
export interface OptionsView {
  /** The object literal new keys go into (the outermost visible literal), with its module. */
  module: JsModule;
  object: JsNode;
  container: Container;
  /** Effective writer of each key; 'unknown' when a spread we cannot see may override it. */
  keys: Map<string, KeyWriter | 'unknown'>;
  /** Set when a spread we cannot see may supply keys that are not listed. */
  unknownSpread: string | null;
  /** Where the object came from, when it is not written inline (for the report). */
  origin: string | null;
}

export interface ResolveContext {
  load: JsModuleLoader;
  /** Guards against import cycles and absurd chains. */
  depth?: number;
  /** The call whose Promise is awaited here (directly, or through the functions that return it). */
  awaited?: JsNode;
}

/**
 * The reason given when options live in a project module this scan did not read (a review scans only the
 * changed files): the options exist and are judged when their module is scanned, so no site is made here.
 */
export const OUTSIDE_SCAN = 'is outside the scanned files';

type Unknown = { unknown: string };

type Resolved =
  | {
      module: JsModule;
      node: JsNode;
      path: JsPath | null;
      /** The project function whose result the object is (`cookieOptions()`), for the report. */
      via?: string;
    }
  | { unknown: string };

const MAX_DEPTH = 8;

/**
 * Follows an expression to the object literal it denotes. `path` is the expression's NodePath when it is
 * in `module` (for scope look-ups); module-level and cross-module look-ups work without one.
 */
export function resolveExpression(
  module: JsModule,
  node: JsNode,
  path: JsPath | null,
  context: ResolveContext,
): Resolved {
  const depth = context.depth ?? 0;
  if (depth > MAX_DEPTH) return { unknown: 'the options are built through too many indirections' };
  const next = { ...context, depth: depth + 1 };
  const value = unwrap(node);
  if (!value) return { unknown: 'no value' };
  if (value.type === 'ObjectExpression') return { module, node: value, path };
  if (value.type === 'Identifier') return resolveIdentifier(module, value.name, path, next);
  // An async helper's options, awaited where they are used.
  // Paths below the value hold only when no wrapper (`as`, `!`) was stripped.
  const valuePath = value === node ? path : null;
  if (value.type === 'AwaitExpression') {
    const awaited = { ...next, awaited: unwrap(value.argument) };
    return resolveExpression(module, value.argument, valuePath ? valuePath.get('argument') : null, awaited);
  }
  if (value.type === 'CallExpression' || value.type === 'OptionalCallExpression') {
    const returned = followCall(module, value, valuePath, next, resolveExpression);
    if (returned) return returned;
  }
  if (value.type === 'MemberExpression') {
    const key = memberPropertyName(value);
    if (key === null) return { unknown: `\`${sourceOf(module, value)}\` is computed` };
    if (value.object.type === 'ThisExpression') {
      const field = followThisMember(module, value, valuePath, next, resolveExpression);
      if (field) return field;
    }
    // `config.cookie` where config is a namespace import or required module: a named export.
    if (value.object.type === 'Identifier') {
      const binding = module.imports.get(value.object.name);
      if (
        binding &&
        (binding.imported === '*' || binding.imported === 'default') &&
        isRelative(binding.source)
      ) {
        const target = context.load(module.file, binding.source);
        if (!target) return { unknown: `\`${binding.source}\` ${OUTSIDE_SCAN}` };
        const exported =
          binding.imported === '*'
            ? findExport(target, key, next)
            : findExportProperty(target, 'default', key, next);
        if ('unknown' in exported && binding.imported === '*') {
          const viaDefault = findExportProperty(target, 'default', key, next);
          if (!('unknown' in viaDefault)) return viaDefault;
        }
        return exported;
      }
    }
    const owner = resolveExpression(module, value.object, path ? path.get('object') : null, next);
    if ('unknown' in owner) return owner;
    return propertyOf(owner.module, owner.node, key, next);
  }
  return { unknown: `\`${abbreviate(sourceOf(module, value))}\` is computed at run time` };
}

function resolveIdentifier(
  module: JsModule,
  name: string,
  path: JsPath | null,
  context: ResolveContext,
): Resolved {
  if (path) {
    const scope = safeLookup(path, name);
    if (scope && !scope.isGlobal) {
      const binding = scope.getBindings()[name]?.[0];
      const declarator = binding?.parentPath?.node;
      if (declarator?.type === 'VariableDeclarator' && declarator.id === binding.node) {
        if (!declarator.init) return { unknown: `\`${name}\` has no initial value` };
        if (isMutated(module, name)) return { unknown: `\`${name}\` is modified after it is created` };
        return resolveExpression(module, declarator.init, binding.parentPath.get('init'), context);
      }
      if (declarator && /Function|ArrowFunction|ObjectMethod|ClassMethod/.test(declarator.type)) {
        return { unknown: `\`${name}\` is a parameter` };
      }
    }
  }
  const binding = module.imports.get(name);
  if (binding) {
    if (!isRelative(binding.source))
      return { unknown: `\`${name}\` comes from the package \`${binding.source}\`` };
    const target = context.load(module.file, binding.source);
    if (!target) return { unknown: `\`${binding.source}\` ${OUTSIDE_SCAN}` };
    return findExport(target, binding.imported === '*' ? 'default' : binding.imported, context);
  }
  const declared = moduleLevelInit(module, name);
  if (declared) {
    if (isMutated(module, name)) return { unknown: `\`${name}\` is modified after it is created` };
    return resolveExpression(module, declared, null, context);
  }
  return { unknown: `\`${name}\` is not defined where it can be read` };
}

function safeLookup(path: JsPath, name: string): JsNode | null {
  try {
    return path.scope?.lookup(name) ?? null;
  } catch {
    return null;
  }
}

const mutatedNames = new WeakMap<JsModule, Set<string>>();

/** Names whose objects are changed after creation (`opts.secure = …`, `Object.assign(opts, …)`). */
function isMutated(module: JsModule, name: string): boolean {
  let names = mutatedNames.get(module);
  if (!names) {
    // Read from the module's shared walk: member assignments and calls are already collected there.
    const found = new Set<string>();
    for (const path of memberAssignmentsOf(module)) {
      let target = path.node.left;
      while (target.type === 'MemberExpression') target = target.object;
      if (target.type === 'Identifier') found.add(target.name);
    }
    for (const path of callsOf(module)) {
      const { callee, arguments: args } = path.node;
      if (
        path.node.type === 'CallExpression' &&
        callee.type === 'MemberExpression' &&
        callee.object.type === 'Identifier' &&
        callee.object.name === 'Object' &&
        memberPropertyName(callee) === 'assign' &&
        args[0]?.type === 'Identifier'
      ) {
        found.add(args[0].name);
      }
    }
    names = found;
    mutatedNames.set(module, names);
  }
  return names.has(name);
}

/** What a module exports under `name` ('default' for the default export / `module.exports`). */
export function findExport(module: JsModule, name: string, context: ResolveContext): Resolved {
  for (const entry of exportEntries(module, name)) {
    switch (entry.kind) {
      case 'default':
      case 'declarator':
      case 'commonJs':
        return resolveExpression(module, entry.node, null, context);
      case 'local':
        return resolveIdentifier(module, entry.local, null, context);
      case 'from': {
        const target = reExportTarget(module, entry.source, context);
        if ('unknown' in target) return target;
        return findExport(target, entry.local, deeper(context));
      }
      case 'all': {
        const target = reExportTarget(module, entry.source, context);
        const found = 'unknown' in target ? target : findExport(target, name, deeper(context));
        if (!('unknown' in found)) return found;
        break;
      }
      case 'commonJsObject': {
        const whole = resolveExpression(module, entry.node, null, context);
        if (!('unknown' in whole)) {
          const property = propertyOf(whole.module, whole.node, name, context);
          if (!('unknown' in property)) return property;
        }
        break;
      }
      case 'function':
        // Options are objects; a function exported under the name is not read here.
        break;
    }
  }
  return { unknown: `\`${module.file}\` has no export \`${name}\` that can be read` };
}

function deeper(context: ResolveContext): ResolveContext {
  return { ...context, depth: (context.depth ?? 0) + 1 };
}

function reExportTarget(module: JsModule, specifier: string, context: ResolveContext): JsModule | Unknown {
  if ((context.depth ?? 0) > MAX_DEPTH) return { unknown: 'the options are re-exported too many times' };
  if (!isRelative(specifier)) return { unknown: `the options come from the package \`${specifier}\`` };
  return context.load(module.file, specifier) ?? { unknown: `\`${specifier}\` ${OUTSIDE_SCAN}` };
}

function findExportProperty(
  module: JsModule,
  exportName: string,
  key: string,
  context: ResolveContext,
): Resolved {
  const whole = findExport(module, exportName, context);
  if ('unknown' in whole) return whole;
  return propertyOf(whole.module, whole.node, key, context);
}

function propertyOf(module: JsModule, object: JsNode, key: string, context: ResolveContext): Resolved {
  if (object.type !== 'ObjectExpression')
    return { unknown: `the value holding \`${key}\` is not an object literal` };
  let found: JsNode | null = null;
  for (const property of object.properties as JsNode[]) {
    if (property.type === 'ObjectProperty' && propertyKeyName(property) === key) found = property;
    if (property.type === 'SpreadElement') found = null;
  }
  if (!found) return { unknown: `\`${key}\` is not written in the object` };
  const value = found.shorthand ? found.value : found.value;
  if (found.shorthand && value.type === 'Identifier')
    return resolveIdentifier(module, value.name, null, context);
  return resolveExpression(module, value, null, context);
}

/** Reads an options expression into a view of its keys. Returns the reason when it cannot be read. */
export function readOptions(
  module: JsModule,
  node: JsNode,
  path: JsPath | null,
  context: ResolveContext,
): OptionsView | { unknown: string } {
  const resolved = resolveExpression(module, node, path, context);
  if ('unknown' in resolved) return resolved;
  const view: OptionsView = {
    module: resolved.module,
    object: resolved.node,
    container: objectContainer(resolved.module, resolved.node),
    keys: new Map(),
    unknownSpread: null,
    origin:
      resolved.module !== module || unwrap(node) !== resolved.node
        ? describeOrigin(resolved.module, resolved.node) +
          (resolved.via ? `, returned by \`${resolved.via}\`` : '')
        : null,
  };
  collectKeys(resolved.module, resolved.node, resolved.path, view, context, 0);
  return view;
}

function collectKeys(
  module: JsModule,
  object: JsNode,
  path: JsPath | null,
  view: OptionsView,
  context: ResolveContext,
  depth: number,
): void {
  const properties = object.properties as JsNode[];
  properties.forEach((property, index) => {
    if (property.type === 'SpreadElement') {
      const argumentPath = path ? path.get('properties', index, 'argument') : null;
      const spread =
        depth < MAX_DEPTH ? resolveExpression(module, property.argument, argumentPath, context) : null;
      if (!spread || 'unknown' in spread) {
        const reason = spread && 'unknown' in spread ? spread.unknown : 'nested too deeply';
        view.unknownSpread = `the spread \`...${abbreviate(sourceOf(module, property.argument))}\` cannot be read (${reason})`;
        for (const key of view.keys.keys()) view.keys.set(key, 'unknown');
        return;
      }
      collectKeys(spread.module, spread.node, spread.path, view, context, depth + 1);
      return;
    }
    const key = propertyKeyName(property);
    if (key === null) {
      if (property.computed) view.unknownSpread = 'a computed key may set any option';
      return;
    }
    if (property.type === 'ObjectProperty') view.keys.set(key, { module, value: property.value });
    else view.keys.set(key, { module, value: property });
  });
}

function describeOrigin(module: JsModule, node: JsNode): string {
  const line = module.text.slice(0, node.start).split('\n').length;
  return `${module.file}:${line}`;
}

export function sourceOf(module: JsModule, node: JsNode): string {
  return module.text.slice(node.start, node.end);
}

/** The state of one key in a view, judged the way the API reads it. */
export function readFlag(view: OptionsView, key: string, trueStrings: readonly string[] = []): FlagValue {
  const writer = view.keys.get(key);
  if (writer === 'unknown')
    return { kind: 'unknown', reason: view.unknownSpread ?? 'a spread may override it' };
  if (!writer) {
    return view.unknownSpread ? { kind: 'unknown', reason: view.unknownSpread } : { kind: 'absent' };
  }
  return evaluateFlag(writer.module, writer.value, trueStrings, { load: () => null });
}

/** Judges a flag's value expression. */
export function evaluateFlag(
  module: JsModule,
  node: JsNode,
  trueStrings: readonly string[],
  _context: ResolveContext,
): FlagValue {
  const value = unwrap(node);
  const span = spanOf(value);
  if (value.type === 'BooleanLiteral') {
    return value.value ? { kind: 'true', span } : { kind: 'false', span, file: module.file };
  }
  if (value.type === 'NullLiteral' || (value.type === 'Identifier' && value.name === 'undefined')) {
    return { kind: 'false', span, file: module.file };
  }
  if (value.type === 'StringLiteral' && trueStrings.includes(value.value)) return { kind: 'true', span };
  const constant = constantOf(module, value);
  if (constant === true) return { kind: 'true', span };
  const text = sourceOf(module, value);
  if (constant === false) return { kind: 'false', span, file: module.file, via: text };
  const devOnly = classifyJsCondition(module, value) === 'development';
  return { kind: 'conditional', span, text, devOnly };
}

/** A module-level `const NAME = true|false` behind an identifier. */
function constantOf(module: JsModule, value: JsNode): boolean | null {
  if (value.type !== 'Identifier') return null;
  const init = unwrap(moduleLevelInit(module, value.name));
  return init?.type === 'BooleanLiteral' ? (init.value as boolean) : null;
}
