// Python class hierarchies, as far as the scanned project shows them: which classes a module defines, what
// their bases resolve to (a class in the project, followed across imports, or a name from outside it), and
// whose method a `self.method(...)` call reaches. Rules ask this before treating a call as a framework's:
// a project class with its own `set_cookie(self, handler, token)` is not Tornado's or Werkzeug's.
import type { SyntaxNode } from '@lezer/common';
import {
  argumentsOf,
  assignedValue,
  callParts,
  callsOf,
  childrenOf,
  dottedName,
  enclosingFunction,
  localAssignment,
  textOf,
  type PyModule,
  type PyModuleLoader,
} from './python.js';

export interface PyClass {
  module: PyModule;
  name: string;
  node: SyntaxNode;
  /** The base-class expressions, keywords (`metaclass=`) left out. */
  bases: SyntaxNode[];
  /** Methods and class attributes defined directly in the body: name → FunctionDefinition or value node. */
  members: Map<string, SyntaxNode>;
}

interface ModuleClasses {
  /** Every class of the module, by the offset of its `class` keyword. */
  byOffset: Map<number, PyClass>;
  /** Classes reachable by name from other modules (not nested in a function or another class). */
  byName: Map<string, PyClass>;
}

const classCache = new WeakMap<PyModule, ModuleClasses>();

export function classesOf(module: PyModule): ModuleClasses {
  let found = classCache.get(module);
  if (found) return found;
  found = { byOffset: new Map(), byName: new Map() };
  const result = found;
  module.tree.iterate({
    enter(ref) {
      if (ref.name !== 'ClassDefinition') return;
      const cls = readClass(module, ref.node);
      if (!cls) return;
      result.byOffset.set(ref.node.from, cls);
      if (!insideScope(ref.node)) result.byName.set(cls.name, cls);
    },
  });
  classCache.set(module, found);
  return found;
}

function insideScope(node: SyntaxNode): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (current.name === 'FunctionDefinition' || current.name === 'ClassDefinition') return true;
  }
  return false;
}

function readClass(module: PyModule, node: SyntaxNode): PyClass | null {
  const children = childrenOf(node);
  const nameNode = children.find((child) => child.name === 'VariableName');
  if (!nameNode) return null;
  const argList = children.find((child) => child.name === 'ArgList');
  const bases = argList
    ? argumentsOf(module, argList)
        .filter((argument) => argument.kind === 'positional')
        .map((argument) => argument.value)
    : [];
  const members = new Map<string, SyntaxNode>();
  const body = children.find((child) => child.name === 'Body');
  for (const statement of body ? childrenOf(body) : []) {
    const definition =
      statement.name === 'DecoratedStatement'
        ? childrenOf(statement).find((child) => child.name === 'FunctionDefinition')
        : statement;
    if (definition?.name === 'FunctionDefinition') {
      const name = childrenOf(definition).find((child) => child.name === 'VariableName');
      if (name) members.set(textOf(module, name), definition);
    } else if (statement.name === 'AssignStatement') {
      const target = statement.firstChild;
      const value = assignedValue(statement);
      if (target?.name === 'VariableName' && value) members.set(textOf(module, target), value);
    }
  }
  return { module, name: textOf(module, nameNode), node, bases, members };
}

/** The class whose body (directly or through a method) holds `node`. */
export function enclosingClass(module: PyModule, node: SyntaxNode): PyClass | null {
  for (let current = node.parent; current; current = current.parent) {
    if (current.name === 'ClassDefinition') return classesOf(module).byOffset.get(current.from) ?? null;
  }
  return null;
}

/** What a class name written in a module stands for. */
export type ResolvedClass =
  | { kind: 'class'; cls: PyClass }
  /** Defined outside the scanned project: the dotted path it is imported from (`tornado.web.RequestHandler`). */
  | { kind: 'external'; name: string }
  /** Neither: a star import, a computed base, a relative import that leaves the tree. */
  | { kind: 'unresolved'; text: string };

const BUILTIN_BASES = new Set(['object', 'Exception', 'BaseException', 'dict', 'list', 'str', 'int', 'type']);
const MAX_DEPTH = 12;

/** Resolves a class expression (`BaseHandler`, `web.RequestHandler`, `handlers.base.Base`) seen from `module`. */
export function resolveClass(
  module: PyModule,
  expression: SyntaxNode,
  load: PyModuleLoader,
  depth = 0,
): ResolvedClass {
  const parts = dottedName(module, expression);
  if (!parts) return { kind: 'unresolved', text: textOf(module, expression) };
  return resolveParts(module, parts, load, depth);
}

function resolveParts(module: PyModule, parts: string[], load: PyModuleLoader, depth: number): ResolvedClass {
  const text = parts.join('.');
  if (depth > MAX_DEPTH) return { kind: 'unresolved', text };
  const [head, ...rest] = parts as [string, ...string[]];
  const binding = module.imports.get(head);
  if (!binding) {
    const own = classesOf(module).byName.get(head);
    if (own && rest.length === 0) return { kind: 'class', cls: own };
    // `Base = tornado.web.RequestHandler`: an alias at module level.
    const alias = module.assignments.get(head);
    if (alias && rest.length === 0) {
      const aliased = dottedName(module, alias);
      if (aliased && aliased.join('.') !== text) return resolveParts(module, aliased, load, depth + 1);
    }
    if (BUILTIN_BASES.has(head) && rest.length === 0) return { kind: 'external', name: `builtins.${head}` };
    return { kind: 'unresolved', text };
  }
  const path = binding.name === null ? rest : [binding.name, ...rest];
  return resolveInModule(module, binding.module, path, load, depth);
}

/** `from <source> import a` then `a.b.C`: the longest prefix that is a project module holds the class. */
function resolveInModule(
  from: PyModule,
  source: string,
  path: string[],
  load: PyModuleLoader,
  depth: number,
): ResolvedClass {
  for (let split = path.length - 1; split >= 0; split--) {
    const target = load(from.file, joinModule(source, path.slice(0, split)));
    if (!target) continue;
    const remainder = path.slice(split);
    if (remainder.length === 0) break;
    return resolveParts(target, remainder, load, depth + 1);
  }
  if (source.startsWith('.')) return { kind: 'unresolved', text: joinModule(source, path) };
  return { kind: 'external', name: joinModule(source, path) };
}

function joinModule(source: string, path: readonly string[]): string {
  if (path.length === 0) return source;
  return source === '' || source.endsWith('.') ? source + path.join('.') : `${source}.${path.join('.')}`;
}

/** Which external classes are the framework's own, and which of its packages are known to be harmless. */
export interface FrameworkClasses {
  /** A class of the framework that owns the method (`tornado.web.RequestHandler`). */
  owns(name: string): boolean;
  /** External names from the framework (or Python itself) that neither define the method nor own it. */
  neutral(name: string): boolean;
}

/** Whose `method` a call on an instance of a class reaches. */
export type MethodOwner =
  /** The framework's: a framework class comes first in the lookup order. */
  | { kind: 'framework'; base: string }
  /** A class of the project defines it (`class Auth: def set_cookie(self, handler, token)`). */
  | { kind: 'own'; cls: PyClass }
  /** No class in the hierarchy has anything to do with the framework. */
  | { kind: 'none' }
  /** A base the scan cannot see (a third-party package) may be the framework's or may define the method. */
  | { kind: 'unknown'; base: string };

/**
 * Walks the class and its bases in Python's lookup order (left to right, depth first, which matches the MRO
 * for the hierarchies seen in applications) and returns the first place that decides `method`. A project
 * method that forwards `**kwargs` to the framework's (`super().set_cookie(name, value, **kwargs)`) without
 * touching the flags keeps the framework's signature and behaviour, so the walk goes on past it.
 */
export function methodOwner(
  cls: PyClass,
  method: string,
  framework: FrameworkClasses,
  load: PyModuleLoader,
): MethodOwner {
  const seen = new Set<PyClass>();
  let unknown: string | null = null;
  const visit = (current: PyClass, depth: number): MethodOwner | null => {
    if (seen.has(current) || depth > MAX_DEPTH) return null;
    seen.add(current);
    const member = current.members.get(method);
    if (member && !forwardsToParent(current.module, member, method)) return { kind: 'own', cls: current };
    for (const base of current.bases) {
      const resolved = resolveClass(current.module, base, load);
      if (resolved.kind === 'class') {
        const found = visit(resolved.cls, depth + 1);
        if (found) return found;
      } else if (resolved.kind === 'external') {
        if (framework.owns(resolved.name)) return { kind: 'framework', base: resolved.name };
        if (!framework.neutral(resolved.name)) unknown ??= resolved.name;
      } else unknown ??= resolved.text;
    }
    return null;
  };
  return visit(cls, 0) ?? (unknown === null ? { kind: 'none' } : { kind: 'unknown', base: unknown });
}

/** `def set_cookie(self, name, value, **kwargs): …; super().set_cookie(name, value, **kwargs)`. */
function forwardsToParent(module: PyModule, member: SyntaxNode, method: string): boolean {
  if (member.name !== 'FunctionDefinition') return false;
  const parameters = childrenOf(member).find((child) => child.name === 'ParamList');
  const items = parameters ? childrenOf(parameters) : [];
  const starAt = items.findIndex((item) => item.name === '**');
  const kwargs = starAt === -1 ? null : items[starAt + 1];
  if (kwargs?.name !== 'VariableName') return false;
  // An override that writes the flags itself (`kwargs.setdefault("secure", True)`) is the project's word on
  // them: calls through it are already decided.
  if (/\b(?:secure|httponly)\b/i.test(textOf(module, member))) return false;
  const kwargsName = textOf(module, kwargs);
  return callsOf(module).some((call) => {
    if (call.from < member.from || call.to > member.to) return false;
    const parts = callParts(call);
    if (!parts || parts.callee.name !== 'MemberExpression') return false;
    const property = parts.callee.lastChild;
    if (!property || textOf(module, property) !== method) return false;
    const owner = parts.callee.firstChild;
    const viaSuper = owner?.name === 'CallExpression' && /^super\s*\(/.test(textOf(module, owner));
    const viaBase = owner !== null && owner.name !== 'CallExpression' && textOf(module, owner) !== 'self';
    if (!viaSuper && !viaBase) return false;
    return argumentsOf(module, parts.argList).some(
      (argument) => argument.kind === 'doublestar' && textOf(module, argument.value) === kwargsName,
    );
  });
}

/** The annotation of a parameter of the function around `node` (`handler: BaseHandler`), or null. */
export function parameterAnnotation(
  module: PyModule,
  functionNode: SyntaxNode,
  parameter: string,
): SyntaxNode | null {
  const parameters = childrenOf(functionNode).find((child) => child.name === 'ParamList');
  const items = parameters ? childrenOf(parameters) : [];
  for (let index = 0; index < items.length; index++) {
    const item = items[index]!;
    if (item.name !== 'VariableName' || textOf(module, item) !== parameter) continue;
    const typeDef = items[index + 1];
    if (typeDef?.name !== 'TypeDef') return null;
    return childrenOf(typeDef).find((child) => child.name !== ':') ?? null;
  }
  return null;
}

/**
 * The class a plain-name receiver (`resp.set_cookie(...)`) is known to have in the function around `call`:
 * the constructor of its last local assignment, else its parameter annotation. Null when neither is written.
 */
export function receiverClass(
  module: PyModule,
  call: SyntaxNode,
  receiver: string,
  load: PyModuleLoader,
): ResolvedClass | null {
  const wrapper = enclosingFunction(module, call);
  const assigned = wrapper ? localAssignment(module, wrapper.node, receiver, call.from) : null;
  const constructor = assigned?.name === 'CallExpression' ? callParts(assigned)?.callee : undefined;
  const annotation = wrapper ? parameterAnnotation(module, wrapper.node, receiver) : null;
  const typeNode = constructor ?? annotation;
  return typeNode ? resolveClass(module, typeNode, load) : null;
}
