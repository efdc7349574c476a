// The project's own functions and classes as a value's source: which function a name or member denotes (in
// the module, or exported by another one), what a function hands back, and what `this.name` is inside a
// class. Reading the values themselves is js-options.ts's job.
import { visit } from 'ast-types';
import {
  memberAssignmentsOf,
  memberPropertyName,
  propertyKeyName,
  unwrap,
  callsOf,
  type JsModule,
  type JsNode,
  type JsPath,
} from './javascript.js';

/** One function of a module, with the path that gives scope look-ups, and its own `return` statements. */
export interface JsFunction {
  module: JsModule;
  node: JsNode;
  path: JsPath;
  returns: JsPath[];
}

const FUNCTION_TYPES = new Set([
  'FunctionDeclaration',
  'FunctionExpression',
  'ArrowFunctionExpression',
  'ObjectMethod',
  'ClassMethod',
  'ClassPrivateMethod',
]);

function isFunctionNode(node: JsNode): boolean {
  return FUNCTION_TYPES.has(node?.type);
}

const indexCache = new WeakMap<JsModule, Map<JsNode, JsFunction>>();

/**
 * Every function of the module with its returns, from one walk made the first time a value is followed into
 * one of them (most modules never need it).
 */
function functionIndex(module: JsModule): Map<JsNode, JsFunction> {
  let index = indexCache.get(module);
  if (index) return index;
  const found = new Map<JsNode, JsFunction>();
  visit(module.ast, {
    visitFunction(path: JsPath) {
      found.set(path.node, { module, node: path.node, path, returns: [] });
      this.traverse(path);
    },
    visitReturnStatement(path: JsPath) {
      let owner = path.parent;
      while (owner && !isFunctionNode(owner.node)) owner = owner.parent;
      if (owner) found.get(owner.node)?.returns.push(path);
      this.traverse(path);
    },
  });
  index = found;
  indexCache.set(module, index);
  return index;
}

/** The function a node is (a declaration, an expression, an arrow, a method), or null. */
export function functionAt(module: JsModule, node: JsNode): JsFunction | null {
  const value = unwrap(node);
  if (!isFunctionNode(value)) return null;
  return functionIndex(module).get(value) ?? null;
}

/** What a function hands back: each returned expression with its path, or null for a bare `return`. */
export function returnedValues(fn: JsFunction): Array<{ node: JsNode; path: JsPath } | null> {
  const body = fn.node.body;
  if (body && body.type !== 'BlockStatement') return [{ node: body, path: fn.path.get('body') }];
  return fn.returns.map((path) =>
    path.node.argument ? { node: path.node.argument, path: path.get('argument') } : null,
  );
}

/** A function declared at the top of the module under `name` (`function f`, `const f = () => …`). */
export function moduleLevelFunction(module: JsModule, name: string): JsFunction | null {
  for (const statement of module.ast.program.body as JsNode[]) {
    const declaration =
      statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration'
        ? statement.declaration
        : statement;
    if (declaration?.type === 'FunctionDeclaration' && declaration.id?.name === name)
      return functionAt(module, declaration);
    if (declaration?.type !== 'VariableDeclaration') continue;
    for (const declarator of declaration.declarations) {
      if (declarator.id.type === 'Identifier' && declarator.id.name === name && declarator.init)
        return functionAt(module, declarator.init);
    }
  }
  return null;
}

/** A class declared at the top of the module under `name`. */
export function moduleLevelClass(module: JsModule, name: string): JsNode | null {
  for (const statement of module.ast.program.body as JsNode[]) {
    const declaration =
      statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration'
        ? statement.declaration
        : statement;
    if (declaration?.type === 'ClassDeclaration' && declaration.id?.name === name) return declaration;
  }
  return null;
}

/** `module.exports = X` → default; `module.exports.a = X` / `exports.a = X` → a. */
function commonJsExport(statement: JsNode): { name: string; value: JsNode } | null {
  if (statement.type !== 'ExpressionStatement' || statement.expression.type !== 'AssignmentExpression')
    return null;
  const { left, right } = statement.expression;
  if (left.type !== 'MemberExpression') return null;
  const isModuleExports = (node: JsNode) =>
    node.type === 'MemberExpression' &&
    node.object.type === 'Identifier' &&
    node.object.name === 'module' &&
    memberPropertyName(node) === 'exports';
  if (isModuleExports(left)) return { name: 'default', value: right };
  const key = memberPropertyName(left);
  if (
    key &&
    (isModuleExports(left.object) || (left.object.type === 'Identifier' && left.object.name === 'exports'))
  ) {
    return { name: key, value: right };
  }
  return null;
}

/**
 * The function a module exports under `name` ('default' for `export default` / `module.exports = f`), also
 * as a method or property of an exported object (`module.exports = { cookieOptions }`).
 */
export function exportedFunction(
  module: JsModule,
  name: string,
  load?: (fromFile: string, specifier: string) => JsModule | null,
  seen: Set<JsModule> = new Set(),
): JsFunction | null {
  // Index modules may re-export each other: a module is not entered again while it is being read.
  if (seen.has(module) || seen.size > 8) return null;
  seen.add(module);
  try {
    return exportedFunctionIn(module, name, load, seen);
  } finally {
    seen.delete(module);
  }
}

function exportedFunctionIn(
  module: JsModule,
  name: string,
  load: ((fromFile: string, specifier: string) => JsModule | null) | undefined,
  seen: Set<JsModule>,
): JsFunction | null {
  const named = (node: JsNode): JsFunction | null => {
    const value = unwrap(node);
    if (value?.type === 'Identifier') return moduleLevelFunction(module, value.name);
    return functionAt(module, value);
  };
  const reExported = (specifier: string) =>
    load && isRelative(specifier) ? load(module.file, specifier) : null;
  for (const entry of exportEntries(module, name)) {
    switch (entry.kind) {
      case 'default':
      case 'commonJs':
        return named(entry.node);
      case 'function':
      case 'declarator':
        return functionAt(module, entry.node);
      case 'local':
        return moduleLevelFunction(module, entry.local);
      case 'from': {
        const target = reExported(entry.source);
        return target ? exportedFunction(target, entry.local, load, seen) : null;
      }
      case 'all': {
        const target = reExported(entry.source);
        const found = target ? exportedFunction(target, name, load, seen) : null;
        if (found) return found;
        break;
      }
      case 'commonJsObject': {
        const whole = unwrap(entry.node);
        const member = whole?.type === 'ObjectExpression' ? objectMember(whole, name) : null;
        if (member) return named(member);
        break;
      }
    }
  }
  return null;
}

export function isRelative(specifier: string): boolean {
  return specifier.startsWith('./') || specifier.startsWith('../');
}

/**
 * A place a module may export `name` from, in the order the module writes them. `from` passes on another
 * module's `local`; `all` is an `export * from` that may hold it; `commonJsObject` is a `module.exports = …`
 * whose object may have it as a property.
 */
export type ExportEntry =
  | { kind: 'default' | 'declarator' | 'function' | 'commonJs' | 'commonJsObject'; node: JsNode }
  | { kind: 'local'; local: string }
  | { kind: 'from'; source: string; local: string }
  | { kind: 'all'; source: string };

/** Where a module exports `name` ('default' for `export default` / `module.exports = …`), first written first. */
export function* exportEntries(module: JsModule, name: string): Generator<ExportEntry> {
  for (const statement of module.ast.program.body as JsNode[]) {
    if (statement.type === 'ExportDefaultDeclaration') {
      if (name === 'default') yield { kind: 'default', node: statement.declaration };
      continue;
    }
    if (statement.type === 'ExportNamedDeclaration') {
      const declaration = statement.declaration;
      if (declaration?.type === 'FunctionDeclaration' && declaration.id?.name === name)
        yield { kind: 'function', node: declaration };
      if (declaration?.type === 'VariableDeclaration') {
        for (const declarator of declaration.declarations) {
          if (declarator.id.type === 'Identifier' && declarator.id.name === name && declarator.init)
            yield { kind: 'declarator', node: declarator.init };
        }
      }
      for (const specifier of statement.specifiers ?? []) {
        const exported = specifier.exported?.name ?? specifier.exported?.value;
        if (exported !== name || specifier.local?.type !== 'Identifier') continue;
        // `export { cookieOptions } from './cookies'`: an index module passing it on.
        yield statement.source
          ? { kind: 'from', source: statement.source.value, local: specifier.local.name }
          : { kind: 'local', local: specifier.local.name };
      }
      continue;
    }
    if (statement.type === 'ExportAllDeclaration') {
      if (name !== 'default' && !statement.exported) yield { kind: 'all', source: statement.source.value };
      continue;
    }
    const commonJs = commonJsExport(statement);
    if (commonJs?.name === name) yield { kind: 'commonJs', node: commonJs.value };
    else if (commonJs?.name === 'default') yield { kind: 'commonJsObject', node: commonJs.value };
  }
}

/** The value (or method) an object literal holds under `key`, when written there and not spread over. */
export function objectMember(object: JsNode, key: string): JsNode | null {
  let found: JsNode | null = null;
  for (const property of object.properties as JsNode[]) {
    if (property.type === 'SpreadElement') found = null;
    else if (propertyKeyName(property) === key && !property.computed)
      found = property.type === 'ObjectMethod' ? property : property.value;
  }
  return found;
}

/** The class `this` stands for at `path` (arrow functions see through; other functions do not), and how. */
export function classOfThis(path: JsPath | null): { node: JsNode; isStatic: boolean } | null {
  for (let current = path?.parent; current; current = current.parent) {
    const node = current.node;
    if (node.type === 'ArrowFunctionExpression') continue;
    if (
      /^(ClassMethod|ClassPrivateMethod|ClassProperty|ClassPrivateProperty|ClassAccessorProperty)$/.test(
        node.type,
      )
    ) {
      const owner = current.parent?.parent?.node;
      return owner && /^Class(Declaration|Expression)$/.test(owner.type)
        ? { node: owner, isStatic: Boolean(node.static) }
        : null;
    }
    if (isFunctionNode(node) || node.type === 'StaticBlock') return null;
  }
  return null;
}

/** A member of a class body by name and static-ness: a method, or a field with its value. */
export function classMember(
  cls: JsNode,
  name: string,
  isStatic: boolean,
): { kind: 'method'; node: JsNode } | { kind: 'field'; node: JsNode; value: JsNode | null } | null {
  for (const member of cls.body.body as JsNode[]) {
    if (Boolean(member.static) !== isStatic || member.computed || propertyKeyName(member) !== name) continue;
    if (member.type === 'ClassMethod' && member.kind === 'method') return { kind: 'method', node: member };
    if (member.type === 'ClassMethod' && member.kind === 'get') return { kind: 'method', node: member };
    if (member.type === 'ClassProperty') return { kind: 'field', node: member, value: member.value ?? null };
  }
  return null;
}

/** The class's constructor, or null. */
export function constructorOf(cls: JsNode): JsNode | null {
  return (
    (cls.body.body as JsNode[]).find(
      (member) => member.type === 'ClassMethod' && member.kind === 'constructor',
    ) ?? null
  );
}

/**
 * Everything in the class that writes `this.name` or something under it (`this.name = …`,
 * `this.name.secure = …`, `Object.assign(this.name, …)`), outside nested classes.
 */
export function writesToThisMember(module: JsModule, cls: JsNode, name: string): JsPath[] {
  const writes = thisMemberWritesOf(module).get(name);
  if (!writes) return [];
  const inside = (node: JsNode) => node.start >= cls.start && node.end <= cls.end;
  return [
    ...writes.assignments.filter((write) => write.cls === cls).map((write) => write.path),
    ...writes.assigns.filter((path) => inside(path.node)),
  ];
}

interface ThisMemberWrites {
  /** `this.name… = …`, with the class its `this` stands for. */
  assignments: { path: JsPath; cls: JsNode | undefined }[];
  /** `Object.assign(this.name, …)`, whichever class holds it. */
  assigns: JsPath[];
}

const thisMemberWrites = new WeakMap<JsModule, Map<string, ThisMemberWrites>>();

/** Every write to a `this` member in the module, by member name: read once, asked for each class and name. */
function thisMemberWritesOf(module: JsModule): Map<string, ThisMemberWrites> {
  let byName = thisMemberWrites.get(module);
  if (byName) return byName;
  const found = new Map<string, ThisMemberWrites>();
  const entry = (name: string) => {
    let writes = found.get(name);
    if (!writes) {
      writes = { assignments: [], assigns: [] };
      found.set(name, writes);
    }
    return writes;
  };
  const thisMemberName = (node: JsNode): string | null =>
    node?.type === 'MemberExpression' && node.object.type === 'ThisExpression'
      ? memberPropertyName(node)
      : null;
  for (const path of memberAssignmentsOf(module)) {
    // Only the innermost member of a chain can stand on `this`: `this.name.secure = …` writes `name`.
    let target = path.node.left;
    while (target.type === 'MemberExpression' && target.object.type !== 'ThisExpression')
      target = target.object;
    const name = thisMemberName(target);
    if (name !== null) entry(name).assignments.push({ path, cls: classOfThis(path)?.node });
  }
  for (const path of callsOf(module)) {
    const { callee, arguments: args } = path.node;
    if (
      callee?.type === 'MemberExpression' &&
      callee.object.type === 'Identifier' &&
      callee.object.name === 'Object' &&
      memberPropertyName(callee) === 'assign'
    ) {
      const name = thisMemberName(args[0]);
      if (name !== null) entry(name).assigns.push(path);
    }
  }
  byName = found;
  thisMemberWrites.set(module, byName);
  return byName;
}
