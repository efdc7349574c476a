// Options built by the project's own code: `res.cookie(n, v, cookieOptions(req))` follows the call into the
// function and reads what it returns; `this.cookieOptions` inside a class reads the field (or the one
// constructor assignment) that sets it. A value that cannot be followed gives its reason, which the site
// reports as unknown.
import { abbreviate } from './text.js';
import { memberPropertyName, unwrap, type JsModule, type JsNode, type JsPath } from './javascript.js';
import {
  classMember,
  classOfThis,
  constructorOf,
  exportedFunction,
  functionAt,
  isRelative,
  moduleLevelClass,
  moduleLevelFunction,
  objectMember,
  returnedValues,
  writesToThisMember,
  type JsFunction,
} from './js-functions.js';
import type { ResolveContext } from './js-options.js';

type Resolved = { module: JsModule; node: JsNode; path: JsPath | null; via?: string } | { unknown: string };
type Resolve = (module: JsModule, node: JsNode, path: JsPath | null, context: ResolveContext) => Resolved;

/** Outside the scan, or a package: the caller's own wording applies. */
type Found = JsFunction | { unknown: string } | null;

/**
 * What a call to a project function returns, as far as its `return`s show it; null when the callee is not a
 * function of the project (a package's, a global).
 */
export function followCall(
  module: JsModule,
  call: JsNode,
  path: JsPath | null,
  context: ResolveContext,
  resolve: Resolve,
): Resolved | null {
  if (call.type !== 'CallExpression' && call.type !== 'OptionalCallExpression') return null;
  const callee = unwrap(call.callee);
  const calleePath = path ? path.get('callee') : null;
  const found = calledFunction(module, callee, calleePath, context, resolve);
  if (found === null) return null;
  if ('unknown' in found) return found;
  const label = `\`${abbreviate(module.text.slice(call.start, call.end))}\``;
  if (found.node.generator) return { unknown: `${label} is a generator` };
  // The framework is handed the Promise itself, whose own properties set no flag.
  const awaited = context.awaited === call;
  if (found.node.async && !awaited)
    return { unknown: `${label} is async and not awaited: it gives a Promise, not options` };
  const values = returnedValues(found);
  if (values.length === 0) return { unknown: `${label} returns nothing` };
  if (values.includes(null)) return { unknown: `${label} does not always return options` };
  let result: Resolved | null = null;
  for (const value of values as Array<{ node: JsNode; path: JsPath }>) {
    // A Promise returned from an awaited call is awaited with it (`return otherAsyncOptions()`).
    const inner = awaited ? { ...context, awaited: unwrap(value.node) } : context;
    const resolved = resolve(found.module, value.node, value.path, inner);
    if ('unknown' in resolved)
      return { unknown: `${label} returns what cannot be read: ${resolved.unknown}` };
    if (result && 'node' in result && result.node !== resolved.node)
      return { unknown: `${label} returns different options on different paths` };
    result = resolved;
  }
  return result && { ...result, via: `${calleeLabel(module, callee)}()` };
}

/** The function's own name as the call spells it (`cookieOptions` for `helpers.cookieOptions`). */
function calleeLabel(module: JsModule, callee: JsNode): string {
  if (callee.type === 'Identifier') return callee.name;
  const key = callee.type.endsWith('MemberExpression') ? memberPropertyName(callee) : null;
  return key ?? abbreviate(module.text.slice(callee.start, callee.end));
}

function calledFunction(
  module: JsModule,
  callee: JsNode,
  path: JsPath | null,
  context: ResolveContext,
  resolve: Resolve,
): Found {
  const inline = functionAt(module, callee);
  if (inline) return inline; // `(() => ({ … }))()`
  if (callee.type === 'Identifier') return namedFunction(module, callee.name, path, context);
  if (callee.type !== 'MemberExpression' && callee.type !== 'OptionalMemberExpression') return null;
  const key = memberPropertyName(callee);
  if (key === null) return null;
  const owner = unwrap(callee.object);
  if (owner.type === 'ThisExpression') {
    const cls = classOfThis(path);
    if (!cls) return null;
    const member = classMember(cls.node, key, cls.isStatic);
    if (member?.kind === 'method') return functionAt(module, member.node);
    if (member?.kind === 'field' && member.value) return functionAt(module, member.value);
    return { unknown: `\`this.${key}\` is not a method of the class that can be read` };
  }
  if (owner.type !== 'Identifier') return null;
  const binding = module.imports.get(owner.name);
  if (binding && (binding.imported === '*' || binding.imported === 'default')) {
    if (!isRelative(binding.source)) return null;
    const target = context.load(module.file, binding.source);
    if (!target) return null;
    return exportedFunction(target, key, context.load) ?? defaultClassMethod(target, key);
  }
  // `CookieConfig.options()`: a static method of a class in the module.
  const cls = moduleLevelClass(module, owner.name);
  if (cls) {
    const member = classMember(cls, key, true);
    return member?.kind === 'method' ? functionAt(module, member.node) : null;
  }
  // `helpers.cookieOptions()` where `helpers` is an object literal of the project.
  const object = resolve(module, owner, path ? path.get('object') : null, context);
  if ('unknown' in object) return null;
  const member = objectMember(object.node, key);
  return member ? functionAt(object.module, member) : null;
}

/** `export default class CookieConfig { static options() {…} }`, called through the default import. */
function defaultClassMethod(module: JsModule, key: string): JsFunction | null {
  for (const statement of module.ast.program.body as JsNode[]) {
    if (statement.type !== 'ExportDefaultDeclaration') continue;
    const declaration = statement.declaration;
    if (declaration?.type !== 'ClassDeclaration') continue;
    const member = classMember(declaration, key, true);
    return member?.kind === 'method' ? functionAt(module, member.node) : null;
  }
  return null;
}

function declaringScope(path: JsPath, name: string): JsNode {
  try {
    return path.scope?.lookup(name) ?? null;
  } catch {
    return null;
  }
}

function namedFunction(module: JsModule, name: string, path: JsPath | null, context: ResolveContext): Found {
  if (path) {
    const scope = declaringScope(path, name);
    if (scope && !scope.isGlobal) {
      const binding = scope.getBindings()[name]?.[0];
      const declarer = binding?.parentPath?.node;
      if (declarer?.type === 'FunctionDeclaration' && declarer.id === binding.node)
        return functionAt(module, declarer);
      if (declarer?.type === 'VariableDeclarator' && declarer.id === binding.node) {
        return declarer.init ? functionAt(module, declarer.init) : null;
      }
      if (declarer && /Function|ObjectMethod|ClassMethod/.test(declarer.type))
        return { unknown: `\`${name}\` is a parameter` };
    }
  }
  const binding = module.imports.get(name);
  if (binding) {
    if (!isRelative(binding.source)) return null;
    const target = context.load(module.file, binding.source);
    if (!target) return null;
    return exportedFunction(target, binding.imported === '*' ? 'default' : binding.imported, context.load);
  }
  return moduleLevelFunction(module, name);
}

/**
 * `this.name` inside a class: a field's value (`cookieOptions = { … }`) or the one assignment in the
 * constructor, unless anything else in the class writes it; a getter's return. Null when `this` is not a
 * class's (a plain function, an object method).
 */
export function followThisMember(
  module: JsModule,
  member: JsNode,
  path: JsPath | null,
  context: ResolveContext,
  resolve: Resolve,
): Resolved | null {
  const key = memberPropertyName(member);
  const cls = classOfThis(path);
  if (key === null || !cls) return null;
  const label = `\`this.${key}\``;
  const found = classMember(cls.node, key, cls.isStatic);
  const writes = writesToThisMember(module, cls.node, key);
  if (found?.kind === 'method') {
    if (found.node.kind !== 'get') return { unknown: `${label} is a method` };
    const getter = functionAt(module, found.node);
    const values = getter ? returnedValues(getter) : [];
    if (values.length !== 1 || !values[0]) return { unknown: `${label} is a getter that cannot be read` };
    return resolve(module, values[0].node, values[0].path, context);
  }
  if (found?.kind === 'field' && found.value) {
    if (writes.length > 0) return { unknown: `${label} is modified after it is created` };
    return resolve(module, found.value, null, context);
  }
  const constructor = constructorOf(cls.node);
  const initial = writes.filter(
    (write) =>
      write.node.type === 'AssignmentExpression' &&
      write.node.operator === '=' &&
      write.node.left.type === 'MemberExpression' &&
      write.node.left.object.type === 'ThisExpression' &&
      constructor &&
      write.node.start >= constructor.start &&
      write.node.end <= constructor.end,
  );
  if (initial.length !== 1) {
    return {
      unknown:
        writes.length === 0
          ? `${label} is not set in the class`
          : `${label} is set in several places or modified after it is created`,
    };
  }
  if (writes.length > 1) return { unknown: `${label} is modified after it is created` };
  return resolve(module, initial[0].node.right, initial[0].get('right'), context);
}
