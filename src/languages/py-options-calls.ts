// Python options built by the project's own code: `set_cookie(**cookie_kwargs(request))` follows the call into
// the function (in the module, imported from another, a method of the class) and reads what it returns;
// `self.cookie_options` / `Config.COOKIE_OPTIONS` read the class attribute, or the one `self.x = …` in
// `__init__`. What cannot be followed comes back with its reason, which the site reports as unknown.
import type { SyntaxNode } from '@lezer/common';
import { abbreviate } from './text.js';
import { classesOf, enclosingClass, resolveClass, type PyClass } from './py-classes.js';
import {
  assignedValue,
  callParts,
  childrenOf,
  dottedName,
  enclosingFunction,
  textOf,
  type PyModule,
  type PyModuleLoader,
} from './python.js';

type Resolved = { module: PyModule; node: SyntaxNode } | { unknown: string };
type Resolve = (module: PyModule, node: SyntaxNode, depth: number) => Resolved;

interface PyFunction {
  module: PyModule;
  /** A FunctionDefinition or a LambdaExpression. */
  node: SyntaxNode;
}

type Found = PyFunction | { unknown: string } | null;

/** Decorators that leave what a function returns as it is. */
const TRANSPARENT_DECORATORS =
  /^(?:staticmethod|classmethod|property|(?:functools\.)?(?:cached_property|cache|lru_cache(?:\(.*\))?))$/;

/**
 * What a call to a project function returns, when every `return` gives the same readable dict; null when
 * the callee is not a function of the project.
 */
export function followPyCall(
  module: PyModule,
  call: SyntaxNode,
  load: PyModuleLoader,
  depth: number,
  resolve: Resolve,
): Resolved | null {
  const parts = callParts(call);
  if (!parts) return null;
  const found = calledFunction(module, parts.callee, load);
  if (found === null) return null;
  if ('unknown' in found) return found;
  return returnedDict(found, `\`${abbreviate(textOf(module, call))}\``, depth, resolve);
}

function returnedDict(fn: PyFunction, label: string, depth: number, resolve: Resolve): Resolved {
  const decorator = untrustedDecorator(fn);
  if (decorator) return { unknown: `${label} is wrapped by the decorator \`${decorator}\`` };
  if (fn.node.name === 'FunctionDefinition' && /\byield\b/.test(textOf(fn.module, fn.node)))
    return { unknown: `${label} is a generator` };
  // Awaited calls are never followed here, so this one hands the framework the coroutine itself.
  if (fn.node.name === 'FunctionDefinition' && fn.node.firstChild?.name === 'async')
    return { unknown: `${label} is async and not awaited: it gives a coroutine, not options` };
  const values = returnedValues(fn);
  if (values.length === 0) return { unknown: `${label} returns nothing` };
  if (values.includes(null)) return { unknown: `${label} does not always return options` };
  let result: { module: PyModule; node: SyntaxNode } | null = null;
  for (const value of values as SyntaxNode[]) {
    const resolved = resolve(fn.module, value, depth + 1);
    if ('unknown' in resolved)
      return { unknown: `${label} returns what cannot be read: ${resolved.unknown}` };
    if (result && (result.module !== resolved.module || result.node.from !== resolved.node.from))
      return { unknown: `${label} returns different options on different paths` };
    result = resolved;
  }
  return result!;
}

function untrustedDecorator(fn: PyFunction): string | null {
  const parent = fn.node.parent;
  if (parent?.name !== 'DecoratedStatement') return null;
  for (const child of childrenOf(parent)) {
    if (child.name !== 'Decorator') continue;
    const text = textOf(fn.module, child).replace(/^@\s*/, '').trim();
    if (!TRANSPARENT_DECORATORS.test(text)) return `@${text}`;
  }
  return null;
}

/** The expressions a function returns (a lambda's body), null for a bare `return`; nested scopes skipped. */
function returnedValues(fn: PyFunction): Array<SyntaxNode | null> {
  if (fn.node.name === 'LambdaExpression') return [fn.node.lastChild];
  const body = childrenOf(fn.node).find((child) => child.name === 'Body');
  if (!body) return [];
  const values: Array<SyntaxNode | null> = [];
  const visit = (node: SyntaxNode) => {
    for (const child of childrenOf(node)) {
      if (/^(FunctionDefinition|ClassDefinition|LambdaExpression|DecoratedStatement)$/.test(child.name))
        continue;
      if (child.name === 'ReturnStatement') {
        const value = childrenOf(child).find((part) => part.name !== 'return' && part.name !== 'Comment');
        values.push(value ?? null);
      } else visit(child);
    }
  };
  visit(body);
  return values;
}

function calledFunction(module: PyModule, callee: SyntaxNode, load: PyModuleLoader): Found {
  const dotted = dottedName(module, callee);
  if (!dotted) return null;
  if (dotted.length === 1) return namedFunction(module, dotted[0]!, callee, load);
  if (dotted.length !== 2) return null;
  const [owner, name] = dotted as [string, string];
  const cls = classOfOwner(module, owner, callee, load);
  if (cls) {
    const member = memberOf(cls, name, load);
    if (member && 'unknown' in member) return member;
    if (member && member.value.name === 'FunctionDefinition')
      return { module: member.cls.module, node: member.value };
    return null;
  }
  // `helpers.cookie_kwargs(…)` where `helpers` is a project module.
  const imported = module.imports.get(owner);
  if (!imported) return null;
  const target = load(
    module.file,
    imported.name
      ? `${imported.module}${imported.module.endsWith('.') ? '' : '.'}${imported.name}`
      : imported.module,
  );
  return target ? topLevelFunction(target, name) : null;
}

function namedFunction(module: PyModule, name: string, at: SyntaxNode, load: PyModuleLoader): Found {
  const owner = enclosingFunction(module, at);
  if (owner) {
    if (parametersOf(module, owner.node).includes(name)) return { unknown: `\`${name}\` is a parameter` };
    const local = nestedFunction(module, owner.node, name);
    if (local) return { module, node: local };
  }
  const own = topLevelFunction(module, name);
  if (own) return own;
  const imported = module.imports.get(name);
  if (!imported?.name) return null;
  const target = load(module.file, imported.module);
  return target ? topLevelFunction(target, imported.name) : null;
}

/** `def name` at the top of a module, or `name = lambda …: …`. */
function topLevelFunction(module: PyModule, name: string): PyFunction | null {
  let found: SyntaxNode | null = null;
  for (let statement = module.tree.topNode.firstChild; statement; statement = statement.nextSibling) {
    const definition =
      statement.name === 'DecoratedStatement'
        ? childrenOf(statement).find((child) => child.name === 'FunctionDefinition')
        : statement;
    if (definition?.name === 'FunctionDefinition' && definitionName(module, definition) === name)
      found = definition;
  }
  if (found) return { module, node: found };
  const assigned = module.assignments.get(name);
  return assigned?.name === 'LambdaExpression' ? { module, node: assigned } : null;
}

function nestedFunction(module: PyModule, owner: SyntaxNode, name: string): SyntaxNode | null {
  const body = childrenOf(owner).find((child) => child.name === 'Body');
  for (const statement of body ? childrenOf(body) : []) {
    if (statement.name === 'FunctionDefinition' && definitionName(module, statement) === name)
      return statement;
  }
  return null;
}

function definitionName(module: PyModule, definition: SyntaxNode): string | null {
  const name = childrenOf(definition).find((child) => child.name === 'VariableName');
  return name ? textOf(module, name) : null;
}

/** The names a function takes (defaults and annotations left out). */
export function parametersOf(module: PyModule, definition: SyntaxNode): string[] {
  const list = childrenOf(definition).find((child) => child.name === 'ParamList');
  const items = list ? childrenOf(list) : [];
  return items
    .filter((item, index) => item.name === 'VariableName' && items[index - 1]?.name !== 'AssignOp')
    .map((item) => textOf(module, item));
}

/**
 * The class `self` / `cls` stands for inside a method, or a class named in the module (defined there or
 * imported from the project); null otherwise.
 */
function classOfOwner(module: PyModule, owner: string, at: SyntaxNode, load: PyModuleLoader): PyClass | null {
  if (owner === 'self' || owner === 'cls') {
    const method = enclosingFunction(module, at);
    if (!method || parametersOf(module, method.node)[0] !== owner) return null;
    return enclosingClass(module, method.node);
  }
  return resolveClassName(module, owner, load);
}

function resolveClassName(module: PyModule, name: string, load: PyModuleLoader): PyClass | null {
  const own = classesOf(module).byName.get(name);
  if (own) return own;
  const imported = module.imports.get(name);
  if (!imported?.name) return null;
  const target = load(module.file, imported.module);
  return target ? (classesOf(target).byName.get(imported.name) ?? null) : null;
}

/**
 * A class member by name, looked up in the class and then its project bases (left to right); unknown when a
 * base the scan cannot see may define it.
 */
function memberOf(
  cls: PyClass,
  name: string,
  load: PyModuleLoader,
  depth = 0,
): { cls: PyClass; value: SyntaxNode } | { unknown: string } | null {
  if (depth > 8) return null;
  const own = cls.members.get(name);
  if (own) return { cls, value: own };
  for (const base of cls.bases) {
    const resolved = resolveClass(cls.module, base, load);
    if (resolved.kind === 'class') {
      const found = memberOf(resolved.cls, name, load, depth + 1);
      if (found) return found;
    } else if (resolved.kind !== 'external' || !resolved.name.startsWith('builtins.')) {
      return { unknown: `\`${name}\` may come from the base class \`${textOf(cls.module, base)}\`` };
    }
  }
  return null;
}

/**
 * `self.cookie_options`, `cls.COOKIE`, `Config.COOKIE`: a class attribute (or a property's return), or the
 * one `self.name = …` of `__init__` when nothing else in the class assigns or changes it. Null when the owner
 * is not a class of the project.
 */
export function followPyAttribute(
  module: PyModule,
  member: SyntaxNode,
  load: PyModuleLoader,
  depth: number,
  resolve: Resolve,
): Resolved | null {
  const dotted = dottedName(module, member);
  if (!dotted || dotted.length !== 2) return null;
  const [owner, name] = dotted as [string, string];
  const cls = classOfOwner(module, owner, member, load);
  if (!cls) return null;
  const label = `\`${owner}.${name}\``;
  const init = cls.members.get('__init__');
  const assigned = init?.name === 'FunctionDefinition' ? selfAssignments(cls.module, init, name) : [];
  // The class's own `__init__` sets it on every instance, whatever a base class says.
  const found = owner === 'self' && assigned.length > 0 ? null : memberOf(cls, name, load);
  if (found && 'unknown' in found) return found;
  if (found) {
    const { value } = found;
    if (value.name === 'FunctionDefinition') {
      const decorators = value.parent?.name === 'DecoratedStatement' ? textOf(cls.module, value.parent) : '';
      if (!/^\s*@(?:functools\.)?(?:property|cached_property)\b/m.test(decorators))
        return { unknown: `${label} is a method` };
      return returnedDict({ module: found.cls.module, node: value }, label, depth, resolve);
    }
    if (changedInClass(found.cls, name, false) || (cls !== found.cls && changedInClass(cls, name, false)))
      return { unknown: `${label} is modified after it is created` };
    return resolve(found.cls.module, value, depth + 1);
  }
  if (owner !== 'self') return null;
  if (assigned.length !== 1) {
    return {
      unknown:
        assigned.length === 0
          ? `${label} is not set where it can be read`
          : `${label} is set in several places`,
    };
  }
  if (changedInClass(cls, name, true)) return { unknown: `${label} is modified after it is created` };
  return resolve(cls.module, assigned[0]!, depth + 1);
}

/** The values `self.name = …` assigns in a function body. */
function selfAssignments(module: PyModule, definition: SyntaxNode, name: string): SyntaxNode[] {
  const found: SyntaxNode[] = [];
  const cursor = definition.cursor();
  do {
    if (cursor.name !== 'AssignStatement') continue;
    const target = cursor.node.firstChild;
    const dotted = target ? dottedName(module, target) : null;
    const value = assignedValue(cursor.node);
    if (dotted?.length === 2 && dotted[0] === 'self' && dotted[1] === name && value) found.push(value);
  } while (cursor.next() && cursor.from < definition.to);
  return found;
}

/**
 * Whether the class body changes the attribute after creating it: `self.name[…] = …`, `self.name.update(…)`,
 * or (beyond the one `__init__` assignment when `initAssigned`) another `self.name = …`.
 */
function changedInClass(cls: PyClass, name: string, initAssigned: boolean): boolean {
  const text = textOf(cls.module, cls.node);
  // `name` is an identifier (it comes from a dotted name), so it needs no escaping.
  const escaped = name;
  const owner = `(?:self|cls|${cls.name})`;
  const changed = new RegExp(
    `\\b${owner}\\.${escaped}\\s*(?:\\.(?:update|setdefault|pop|popitem|clear)\\s*\\(|\\[[^\\]\\n]*\\]\\s*=[^=])`,
  );
  if (changed.test(text)) return true;
  const assignments = text.match(new RegExp(`\\b${owner}\\.${escaped}\\s*=[^=]`, 'g')) ?? [];
  return assignments.length > (initAssigned ? 1 : 0);
}
