// Following Python option dicts: `**cookie_settings`, `**settings.cookie_settings` after
// `from config import settings`, `**self.settings["cookie_settings"]` where the Application receives it.
import { abbreviate } from './text.js';
import type { SyntaxNode } from '@lezer/common';
import type { Container, FlagValue } from '../model.js';
import {
  argumentsOf,
  callParts,
  childrenOf,
  dictEntriesOf,
  dottedName,
  enclosingFunction,
  evaluatePyFlag,
  localAssignment,
  pyContainer,
  stringLiteral,
  textOf,
  type PyModule,
  type PyModuleLoader,
} from './python.js';
import { followPyAttribute, followPyCall, parametersOf } from './py-options-calls.js';

export interface PyResolveContext {
  load: PyModuleLoader;
  project: readonly PyModule[];
}

export type PyResolved = { module: PyModule; node: SyntaxNode } | { unknown: string };

interface PyKeyWriter {
  module: PyModule;
  value: SyntaxNode;
}

/** The keys a dict display or a call's keyword arguments amount to. */
export interface PyOptionsView {
  module: PyModule;
  node: SyntaxNode;
  container: Container | null;
  /** Keys as written, compared through `normalize` (case-insensitive for Tornado before 6.3). */
  keys: Map<string, PyKeyWriter | 'unknown'>;
  unknownSpread: string | null;
  /**
   * The dicts splatted into this one that could be read, last one last; `direct` for those written in this
   * one (not splatted inside a splatted dict).
   */
  splatted: Array<{ module: PyModule; node: SyntaxNode; direct: boolean }>;
}

const MAX_DEPTH = 8;

/** Follows an expression to the dict display (or `dict(...)` call) it denotes. */
export function resolvePyExpression(
  module: PyModule,
  node: SyntaxNode,
  context: PyResolveContext,
  depth = 0,
): PyResolved {
  if (depth > MAX_DEPTH) return { unknown: 'too many indirections' };
  if (node.name === 'DictionaryExpression') return { module, node };
  if (node.name === 'ParenthesizedExpression') {
    const inner = childrenOf(node)[1];
    return inner ? resolvePyExpression(module, inner, context, depth + 1) : { unknown: 'empty parentheses' };
  }
  if (node.name === 'CallExpression') {
    const parts = callParts(node);
    const callee = parts ? dottedName(module, parts.callee) : null;
    if (parts && callee?.length === 1 && callee[0] === 'dict') return { module, node: parts.argList };
    const settingsKey = settingsLookupKey(module, node);
    if (settingsKey) return resolveApplicationSetting(settingsKey, context, depth);
    const returned = followPyCall(module, node, context.load, depth, follow(context));
    if (returned) return returned;
    return { unknown: `\`${abbreviate(textOf(module, node))}\` is computed at run time` };
  }
  if (node.name === 'VariableName') {
    const name = textOf(module, node);
    if (isMutated(module, name)) return { unknown: `\`${name}\` is modified after it is created` };
    const owner = enclosingFunction(module, node);
    if (owner) {
      const local = localAssignment(module, owner.node, name, node.from);
      if (local) return resolvePyExpression(module, local, context, depth + 1);
      // A parameter shadows any module-level dict of the same name.
      if (parametersOf(module, owner.node).includes(name)) return { unknown: `\`${name}\` is a parameter` };
    }
    const assigned = module.assignments.get(name);
    if (assigned) return resolvePyExpression(module, assigned, context, depth + 1);
    const imported = module.imports.get(name);
    if (imported?.name) {
      const target = context.load(module.file, imported.module);
      const value = target?.assignments.get(imported.name);
      if (target && value) {
        if (isMutated(target, imported.name))
          return { unknown: `\`${name}\` is modified after it is created` };
        return resolvePyExpression(target, value, context, depth + 1);
      }
      return { unknown: `\`${name}\` comes from \`${imported.module}\`, which is not in the scanned files` };
    }
    return { unknown: `\`${name}\` is not defined where it can be read` };
  }
  if (node.name === 'MemberExpression') {
    const settingsKey = settingsLookupKey(module, node);
    if (settingsKey) return resolveApplicationSetting(settingsKey, context, depth);
    const attribute = followPyAttribute(module, node, context.load, depth, follow(context));
    if (attribute) return attribute;
    const dotted = dottedName(module, node);
    if (dotted && dotted.length === 2) {
      const [owner, attribute] = dotted as [string, string];
      const imported = module.imports.get(owner);
      if (imported) {
        const candidates = imported.name
          ? [`${imported.module}${imported.module.endsWith('.') ? '' : '.'}${imported.name}`]
          : [imported.module];
        for (const candidate of candidates) {
          const target = context.load(module.file, candidate);
          const value = target?.assignments.get(attribute);
          if (target && value) {
            if (isMutated(target, attribute))
              return { unknown: `\`${attribute}\` is modified after it is created` };
            return resolvePyExpression(target, value, context, depth + 1);
          }
        }
        return { unknown: `\`${dotted.join('.')}\` is not in the scanned files` };
      }
    }
  }
  return { unknown: `\`${abbreviate(textOf(module, node))}\` is computed at run time` };
}

function follow(context: PyResolveContext) {
  return (module: PyModule, node: SyntaxNode, depth: number) =>
    resolvePyExpression(module, node, context, depth);
}

/**
 * `self.settings["k"]`, `self.application.settings["k"]`, `self.settings.get("k", …)`: the key of a Tornado
 * application setting read from a handler, or null.
 */
function settingsLookupKey(module: PyModule, node: SyntaxNode): string | null {
  if (node.name === 'MemberExpression') {
    const children = childrenOf(node);
    if (children[1]?.name !== '[' || !children[0] || !children[2]) return null;
    const owner = dottedName(module, children[0]);
    if (!owner || owner.at(-1) !== 'settings') return null;
    return stringLiteral(module, children[2]);
  }
  const parts = callParts(node);
  const callee = parts ? dottedName(module, parts.callee) : null;
  if (!parts || !callee || callee.length < 2 || callee.at(-1) !== 'get' || callee.at(-2) !== 'settings')
    return null;
  const first = argumentsOf(module, parts.argList)[0];
  return first?.kind === 'positional' ? stringLiteral(module, first.value) : null;
}

/** Where the project hands a setting to its Application: `cookie_settings=…` or `"cookie_settings": …`. */
function resolveApplicationSetting(key: string, context: PyResolveContext, depth: number): PyResolved {
  const found: PyResolved[] = [];
  for (const module of context.project) {
    if (!module.text.includes(key)) continue;
    module.tree.iterate({
      enter(ref) {
        if (ref.name === 'ArgList') {
          for (const argument of argumentsOf(module, ref.node)) {
            if (argument.kind === 'keyword' && argument.name === key) {
              found.push(resolvePyExpression(module, argument.value, context, depth + 1));
            }
          }
        } else if (ref.name === 'DictionaryExpression') {
          for (const entry of dictEntriesOf(module, ref.node)) {
            if (entry.key === key) found.push(resolvePyExpression(module, entry.value, context, depth + 1));
          }
        }
      },
    });
  }
  const resolved = found.filter(
    (item): item is { module: PyModule; node: SyntaxNode } => !('unknown' in item),
  );
  const distinct = new Set(resolved.map((item) => `${item.module.file}:${item.node.from}`));
  if (distinct.size === 1) return resolved[0]!;
  if (distinct.size > 1) return { unknown: `the application setting "${key}" is given in several places` };
  return { unknown: `the application setting "${key}" is not given anywhere in the scanned files` };
}

/** `name.update(…)`, `name[…] = …`, `name.setdefault(…)`: the dict changes after it is written. */
export function isMutated(module: PyModule, name: string): boolean {
  if (!/^[A-Za-z_]\w*$/.test(name)) return false;
  return new RegExp(
    `(^|[^\\w.])${name}\\s*(\\.(update|setdefault|pop|popitem|clear)\\s*\\(|\\[[^\\]\\n]*\\]\\s*=[^=])`,
  ).test(module.text);
}

/**
 * Reads the keys of a dict display, a `dict(...)` argument list, or a call's keyword arguments (`call`
 * true: positional arguments are ignored). Splatted dicts are followed and merged in order.
 */
export function readPyOptions(
  module: PyModule,
  node: SyntaxNode,
  context: PyResolveContext,
  normalize: (key: string) => string,
  depth = 0,
): PyOptionsView {
  const view: PyOptionsView = {
    module,
    node,
    container: null,
    keys: new Map(),
    unknownSpread: null,
    splatted: [],
  };
  const spans: Array<{ start: number; end: number }> = [];
  const visitSplat = (value: SyntaxNode) => {
    const resolved = depth < MAX_DEPTH ? resolvePyExpression(module, value, context, depth + 1) : null;
    if (!resolved || 'unknown' in resolved) {
      const reason = resolved && 'unknown' in resolved ? resolved.unknown : 'nested too deeply';
      view.unknownSpread = `\`**${abbreviate(textOf(module, value))}\` cannot be read (${reason})`;
      for (const key of view.keys.keys()) view.keys.set(key, 'unknown');
      return;
    }
    const inner = readPyOptions(resolved.module, resolved.node, context, normalize, depth + 1);
    view.splatted.push(
      { module: resolved.module, node: resolved.node, direct: true },
      ...inner.splatted.map((entry) => ({ ...entry, direct: false })),
    );
    for (const [key, writer] of inner.keys) view.keys.set(key, writer);
    if (inner.unknownSpread) view.unknownSpread = inner.unknownSpread;
  };
  if (node.name === 'DictionaryExpression') {
    for (const entry of dictEntriesOf(module, node)) {
      spans.push(entry.span);
      if (entry.splat) visitSplat(entry.value);
      else if (entry.key !== null) view.keys.set(normalize(entry.key), { module, value: entry.value });
      else view.unknownSpread = 'a key that is not a plain string may set any option';
    }
  } else {
    for (const argument of argumentsOf(module, node)) {
      spans.push(argument.span);
      if (argument.kind === 'doublestar') visitSplat(argument.value);
      else if (argument.kind === 'keyword' && argument.name) {
        view.keys.set(normalize(argument.name), { module, value: argument.value });
      }
    }
  }
  view.container = pyContainer(module, node, spans);
  return view;
}

export function readPyFlag(view: PyOptionsView, key: string, trueStrings: readonly string[] = []): FlagValue {
  const writer = view.keys.get(key);
  if (writer === 'unknown')
    return { kind: 'unknown', reason: view.unknownSpread ?? 'a splatted dict may override it' };
  if (!writer)
    return view.unknownSpread ? { kind: 'unknown', reason: view.unknownSpread } : { kind: 'absent' };
  return evaluatePyFlag(writer.module, writer.value, trueStrings);
}
