// C#: parsed with the tree-sitter grammar (WebAssembly, see tree-sitter/runtime.ts), and the questions the C#
// rules ask of a tree: which namespaces a file imports, the declared type of a name, a call's parts, literal
// booleans. The tree lives in WebAssembly memory: whoever parses a module deletes its tree once the rules have
// read it, so nothing here keeps a node beyond one rule's run.
import type { Node, Tree } from 'web-tree-sitter';
import type { FlagValue, Span } from '../../model.js';
import { parseWith } from '../tree-sitter/runtime.js';

export interface CSharpModule {
  file: string;
  text: string;
  tree: Tree;
  /** ERROR and MISSING nodes; a fix may never add to them. */
  errorCount: number;
  /** Namespaces imported whole (`using Microsoft.AspNetCore.Http;`, global usings too; no aliases, no statics). */
  usings: Set<string>;
}

export function parseCSharp(file: string, text: string): CSharpModule {
  const { tree, errorCount } = parseWith('c_sharp', text);
  const usings = new Set<string>();
  const visit = (node: Node) => {
    for (const child of node.namedChildren) {
      if (child.type === 'using_directive') {
        const words = child.children.map((token) => token.type);
        if (words.includes('static') || child.childForFieldName('name')) continue;
        const name = child.namedChildren.find(
          (part) => part.type === 'qualified_name' || part.type === 'identifier',
        );
        if (name) usings.add(compact(textOf(text, name)));
      } else if (child.type === 'namespace_declaration') {
        // Usings may also sit inside a namespace block.
        const body = child.childForFieldName('body');
        if (body) visit(body);
      }
    }
  };
  visit(tree.rootNode);
  return { file, text, tree, errorCount, usings };
}

export function textOf(text: string, node: Node): string {
  return text.slice(node.startIndex, node.endIndex);
}

export function spanOf(node: Node): Span {
  return { start: node.startIndex, end: node.endIndex };
}

/** A name written without its spaces and comments' line breaks (`Microsoft . AspNetCore` → `Microsoft.AspNetCore`). */
function compact(name: string): string {
  return name.replace(/\s+/g, '');
}

/** Whether the file imports one of `namespaces`. */
export function imports(module: CSharpModule, namespaces: readonly string[]): boolean {
  return namespaces.some((namespace) => module.usings.has(namespace));
}

/**
 * Whether a type node (or a type's text) names `simple` of `namespace`: the simple name, or the name written
 * out in full (`Microsoft.AspNetCore.Http.CookieOptions`, `global::…`). Nullable marks are ignored.
 */
export function namesType(text: string, type: Node | null, namespace: string, simple: string): boolean {
  if (!type) return false;
  const written = compact(textOf(text, type))
    .replace(/^global::/, '')
    .replace(/\?$/, '');
  return written === simple || written === `${namespace}.${simple}`;
}

/** A call's parts: `receiver.name(arguments)`; the receiver is null for an unqualified call. */
export interface Call {
  node: Node;
  receiver: Node | null;
  /** The method's name without type arguments (`Configure` for `Configure<SessionOptions>`). */
  name: string;
  /** The type arguments' text (`['SessionOptions']`). */
  typeArguments: string[];
  /** The argument expressions (named arguments give their expression). */
  args: Node[];
}

export function callOf(text: string, node: Node | null): Call | null {
  if (!node || node.type !== 'invocation_expression') return null;
  const fn = node.childForFieldName('function');
  const list = node.childForFieldName('arguments');
  if (!fn || !list) return null;
  let receiver: Node | null = null;
  let nameNode: Node | null = fn;
  if (fn.type === 'member_access_expression') {
    receiver = fn.childForFieldName('expression');
    nameNode = fn.childForFieldName('name');
  }
  if (!nameNode) return null;
  let name: string;
  let typeArguments: string[] = [];
  if (nameNode.type === 'identifier') name = textOf(text, nameNode);
  else if (nameNode.type === 'generic_name') {
    const id = nameNode.namedChildren.find((child) => child.type === 'identifier');
    if (!id) return null;
    name = textOf(text, id);
    const list = nameNode.namedChildren.find((child) => child.type === 'type_argument_list');
    typeArguments = list ? list.namedChildren.map((child) => compact(textOf(text, child))) : [];
  } else return null;
  const args: Node[] = [];
  for (const argument of list.namedChildren) {
    if (argument.type !== 'argument') continue;
    const expression = argument.namedChildren.filter((child) => child.type !== 'comment').at(-1);
    if (expression) args.push(expression);
  }
  return { node, receiver, name, typeArguments, args };
}

/** The value of a plain or verbatim string literal without interpolation, or null. */
export function stringValue(text: string, node: Node | undefined): string | null {
  if (!node) return null;
  if (node.type === 'string_literal') {
    const raw = textOf(text, node);
    if (!/^"(?:[^"\\\n]|\\[^\n])*"$/.test(raw)) return null;
    try {
      return JSON.parse(raw) as string;
    } catch {
      return null;
    }
  }
  if (node.type === 'verbatim_string_literal') {
    const raw = textOf(text, node);
    return raw.startsWith('@"') ? raw.slice(2, -1).replace(/""/g, '"') : null;
  }
  return null;
}

/** What a bool-valued expression says: a literal true / false, or an expression decided at run time. */
export function boolFlagValue(module: CSharpModule, value: Node | null | undefined): FlagValue {
  if (!value) return { kind: 'unknown', reason: 'the value cannot be read' };
  const span = spanOf(value);
  if (value.type === 'boolean_literal') {
    return textOf(module.text, value) === 'true'
      ? { kind: 'true', span }
      : { kind: 'false', span, file: module.file };
  }
  return { kind: 'conditional', span, text: textOf(module.text, value), devOnly: false };
}

/** The method, local function, constructor, accessor or lambda a node sits in (the scope of its locals). */
export function enclosingFunction(node: Node): Node | null {
  for (let current = node.parent; current; current = current.parent) {
    if (FUNCTION_TYPES.has(current.type)) return current;
  }
  return null;
}

const FUNCTION_TYPES = new Set([
  'method_declaration',
  'local_function_statement',
  'constructor_declaration',
  'accessor_declaration',
  'lambda_expression',
  'anonymous_method_expression',
  'operator_declaration',
]);

/**
 * The type a name is declared with where `at` sits: a parameter of an enclosing function or lambda, a local
 * declared before `at` in an enclosing block, or a field or property of an enclosing class. Null when it is
 * declared with `var`, or not found.
 */
export function declaredType(module: CSharpModule, at: Node, name: string): Node | null {
  for (let scope = at.parent; scope; scope = scope.parent) {
    if (scope.type === 'block') {
      for (const statement of scope.namedChildren) {
        if (statement.startIndex >= at.startIndex) break;
        if (statement.type !== 'local_declaration_statement') continue;
        const declaration = statement.namedChildren.find((child) => child.type === 'variable_declaration');
        const type = declaration ? declares(module, declaration, name) : undefined;
        if (type !== undefined) return type;
      }
    }
    if (FUNCTION_TYPES.has(scope.type)) {
      const parameters = scope.childForFieldName('parameters');
      for (const parameter of parameters?.namedChildren ?? []) {
        if (parameter.type !== 'parameter') continue;
        const id = parameter.childForFieldName('name');
        if (id && textOf(module.text, id) === name) return parameter.childForFieldName('type');
      }
    }
    if (scope.type === 'declaration_list') {
      for (const member of scope.namedChildren) {
        if (member.type === 'field_declaration') {
          const declaration = member.namedChildren.find((child) => child.type === 'variable_declaration');
          const type = declaration ? declares(module, declaration, name) : undefined;
          if (type !== undefined) return type;
        } else if (member.type === 'property_declaration') {
          const id = member.childForFieldName('name');
          if (id && textOf(module.text, id) === name) return member.childForFieldName('type');
        }
      }
    }
  }
  return null;
}

/** The declaration's type node when it declares `name` (null for `var`), undefined when it does not. */
function declares(module: CSharpModule, declaration: Node, name: string): Node | null | undefined {
  for (const declarator of declaration.namedChildren) {
    if (declarator.type !== 'variable_declarator') continue;
    const id = declarator.childForFieldName('name');
    if (id && textOf(module.text, id) === name) {
      const type = declaration.childForFieldName('type');
      return type && type.type !== 'implicit_type' ? type : null;
    }
  }
  return undefined;
}

/** The names of the classes a class derives from (`Controller`, `Microsoft.AspNetCore.Mvc.ControllerBase`). */
export function baseTypesOf(module: CSharpModule, node: Node): string[] {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type !== 'class_declaration') continue;
    const list = current.namedChildren.find((child) => child.type === 'base_list');
    return (list?.namedChildren ?? []).map((type) => compact(textOf(module.text, type)));
  }
  return [];
}

/** Every node of `types` under `root`, in source order. */
export function nodesOfType(root: Node, types: readonly string[]): Node[] {
  return root.descendantsOfType(types as string[]).filter((node): node is Node => node !== null);
}

/**
 * `target.Member = value` as an assignment (`options.Secure = true`): the member's name and the value, when
 * the left side is `<receiver>.<Member>` and the receiver's text is `receiver`.
 */
export function memberAssignment(
  module: CSharpModule,
  node: Node,
  receiver: string,
): { member: string; value: Node } | null {
  if (node.type !== 'assignment_expression') return null;
  const operator = node.childForFieldName('operator');
  if (operator && textOf(module.text, operator) !== '=') return null;
  const left = node.childForFieldName('left');
  const value = node.childForFieldName('right');
  if (!left || !value || left.type !== 'member_access_expression') return null;
  const target = left.childForFieldName('expression');
  const member = left.childForFieldName('name');
  if (!target || !member || compact(textOf(module.text, target)) !== receiver) return null;
  return { member: textOf(module.text, member), value };
}

/**
 * Whether a preprocessor directive (`#if DEBUG`) sits inside `node`: which of its members are compiled is then
 * decided by the build, and the grammar reads such regions only in part, so neither reading nor editing them
 * is safe.
 */
export function hasDirective(text: string, node: Node): boolean {
  return /^[ \t]*#/m.test(textOf(text, node));
}

/** `#if <condition>` of the innermost conditional-compilation region around `node` below `stop`, or null. */
export function directiveAround(text: string, node: Node, stop: Node): string | null {
  for (let current = node.parent; current && !current.equals(stop); current = current.parent) {
    if (current.type !== 'preproc_if' && current.type !== 'preproc_elif') continue;
    const condition = current.childForFieldName('condition');
    return condition ? `#if ${textOf(text, condition)}` : null;
  }
  return null;
}

/** The value a local declared with `var` before `at` starts with (`var response = HttpContext.Response;`), or null. */
export function varInitializer(module: CSharpModule, at: Node, name: string): Node | null {
  for (let scope = at.parent; scope; scope = scope.parent) {
    if (scope.type !== 'block') continue;
    for (const statement of scope.namedChildren) {
      if (statement.startIndex >= at.startIndex) break;
      if (statement.type !== 'local_declaration_statement') continue;
      const declaration = statement.namedChildren.find((child) => child.type === 'variable_declaration');
      if (declaration?.childForFieldName('type')?.type !== 'implicit_type') continue;
      for (const declarator of declaration.namedChildren) {
        const id = declarator.type === 'variable_declarator' ? declarator.childForFieldName('name') : null;
        if (id && textOf(module.text, id) === name) return declarator.namedChildren.at(-1) ?? null;
      }
    }
  }
  return null;
}
