// Python: parse with @lezer/python (a concrete tree with exact offsets) and answer what rules ask: calls and
// their arguments, dict displays, imports, module-level names, literal values.
import type { SyntaxNode, Tree } from '@lezer/common';
import { parser } from '@lezer/python';
import type { Container, FlagValue, Span } from '../model.js';
import { environmentOfName, environmentOfValue, opposite, type Environment } from './environment-words.js';
import { lineStarts } from './text.js';

export interface PyImport {
  /** Dotted module path as written, leading dots kept for relative imports: 'config.settings', '..conf'. */
  module: string;
  /** The imported name (`from m import name`), or null when the binding is the module itself. */
  name: string | null;
}

export interface PyModule {
  file: string;
  text: string;
  tree: Tree;
  starts: readonly number[];
  /** Error nodes in the tree; a fix may never add to them. */
  errorCount: number;
  /** The position of the first error, for the report. */
  firstError: number | null;
  imports: Map<string, PyImport>;
  /** Module-level `NAME = value` assignments (the last one wins, as at run time). */
  assignments: Map<string, SyntaxNode>;
}

/** Loads a module by dotted name as seen from `fromFile`; null when it is not in the scanned tree. */
export type PyModuleLoader = (fromFile: string, dotted: string) => PyModule | null;

export function parsePython(file: string, text: string): PyModule {
  const tree = parser.parse(text);
  let errorCount = 0;
  let firstError: number | null = null;
  tree.iterate({
    enter(node) {
      if (node.type.isError) {
        errorCount++;
        firstError ??= node.from;
      }
    },
  });
  const module: PyModule = {
    file,
    text,
    tree,
    starts: lineStarts(text),
    errorCount,
    firstError,
    imports: new Map(),
    assignments: new Map(),
  };
  for (let statement = tree.topNode.firstChild; statement; statement = statement.nextSibling) {
    if (statement.name === 'ImportStatement') collectImport(module, statement);
    else if (statement.name === 'AssignStatement') {
      const target = statement.firstChild;
      const value = assignedValue(statement);
      if (target?.name === 'VariableName' && value) module.assignments.set(textOf(module, target), value);
    }
  }
  return module;
}

export function textOf(module: { text: string }, node: SyntaxNode): string {
  return module.text.slice(node.from, node.to);
}

export function childrenOf(node: SyntaxNode): SyntaxNode[] {
  const children: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) children.push(child);
  return children;
}

/** The right-hand side of `a = b` (for chained `a = b = c`, the last expression). */
export function assignedValue(statement: SyntaxNode): SyntaxNode | null {
  const children = childrenOf(statement).filter((child) => child.name !== 'Comment');
  const lastOp = children.map((c) => c.name).lastIndexOf('AssignOp');
  if (lastOp === -1) return null;
  return children[lastOp + 1] ?? null;
}

function collectImport(module: PyModule, statement: SyntaxNode): void {
  const parts = childrenOf(statement);
  const isFrom = parts[0]?.name === 'from';
  if (!isFrom) {
    // import a.b.c [as d], e
    let dotted: string[] = [];
    for (let index = 1; index < parts.length; index++) {
      const part = parts[index]!;
      if (part.name === 'VariableName') {
        if (parts[index - 1]?.name === 'as') {
          module.imports.set(textOf(module, part), { module: dotted.join('.'), name: null });
          dotted = [];
        } else dotted.push(textOf(module, part));
      } else if (part.name === ',') {
        if (dotted.length > 0) module.imports.set(dotted[0]!, { module: dotted[0]!, name: null });
        dotted = [];
      }
    }
    if (dotted.length > 0 && parts.at(-2)?.name !== 'as') {
      module.imports.set(dotted[0]!, { module: dotted[0]!, name: null });
    }
    return;
  }
  // from [dots]a.b import c [as d], e
  const importIndex = parts.findIndex((part) => part.name === 'import');
  let source = '';
  for (const part of parts.slice(1, importIndex)) source += textOf(module, part);
  const names = parts.slice(importIndex + 1).filter((part) => part.name !== '(' && part.name !== ')');
  for (let index = 0; index < names.length; index++) {
    const part = names[index]!;
    if (part.name !== 'VariableName') continue;
    if (names[index - 1]?.name === 'as') continue;
    const alias = names[index + 1]?.name === 'as' ? names[index + 2] : undefined;
    const local = textOf(module, alias ?? part);
    module.imports.set(local, { module: source, name: textOf(module, part) });
  }
}

export interface PyArgument {
  kind: 'positional' | 'keyword' | 'star' | 'doublestar';
  /** Keyword name as written (`HttpOnly`), for keyword arguments. */
  name: string | null;
  value: SyntaxNode;
  span: Span;
}

/** Splits a flat ArgList into arguments (lezer keeps them as a flat token run separated by commas). */
export function argumentsOf(module: PyModule, argList: SyntaxNode): PyArgument[] {
  const result: PyArgument[] = [];
  for (const group of commaGroups(argList)) {
    const [first, second, third] = group;
    if (!first) continue;
    const span = { start: first.from, end: group[group.length - 1]!.to };
    if (first.name === '**' && second) result.push({ kind: 'doublestar', name: null, value: second, span });
    else if (first.name === '*' && second) result.push({ kind: 'star', name: null, value: second, span });
    else if (first.name === 'VariableName' && second?.name === 'AssignOp' && third) {
      result.push({ kind: 'keyword', name: textOf(module, first), value: third, span });
    } else result.push({ kind: 'positional', name: null, value: first, span });
  }
  return result;
}

export interface PyDictEntry {
  /** The key's literal string value, or null when it is not a plain string. */
  key: string | null;
  keyNode: SyntaxNode | null;
  value: SyntaxNode;
  span: Span;
  splat: boolean;
}

export function dictEntriesOf(module: PyModule, dict: SyntaxNode): PyDictEntry[] {
  const result: PyDictEntry[] = [];
  for (const group of commaGroups(dict)) {
    const [first, second, third] = group;
    if (!first) continue;
    const span = { start: first.from, end: group[group.length - 1]!.to };
    if (first.name === '**' && second)
      result.push({ key: null, keyNode: null, value: second, span, splat: true });
    else if (second?.name === ':' && third) {
      result.push({ key: stringLiteral(module, first), keyNode: first, value: third, span, splat: false });
    }
  }
  return result;
}

/** Children between the delimiters, grouped by top-level commas, comments dropped. */
function commaGroups(node: SyntaxNode): SyntaxNode[][] {
  const children = childrenOf(node);
  const inner = children.slice(
    1,
    children.at(-1)?.name === ')' || children.at(-1)?.name === '}' ? -1 : undefined,
  );
  const groups: SyntaxNode[][] = [[]];
  for (const child of inner) {
    if (child.name === 'Comment') continue;
    if (child.name === ',') groups.push([]);
    else groups[groups.length - 1]!.push(child);
  }
  return groups.filter((group) => group.length > 0);
}

/** An argument list or a dict display as a Container for splices. */
export function pyContainer(module: PyModule, node: SyntaxNode, entries: Span[]): Container | null {
  const last = node.lastChild;
  const closer = node.name === 'ArgList' ? ')' : '}';
  if (!last || last.name !== closer) return null; // unterminated: never splice into broken code
  let keyQuote = '';
  if (node.name === 'DictionaryExpression') {
    const firstKey = dictEntriesOf(module, node).find((entry) => entry.keyNode)?.keyNode;
    keyQuote = firstKey ? quoteOf(textOf(module, firstKey)) : '"';
  }
  return {
    file: module.file,
    syntax: node.name === 'ArgList' ? 'py-arguments' : 'py-dict',
    open: node.from,
    close: last.from,
    entries,
    keyQuote,
  };
}

function quoteOf(literal: string): string {
  const match = /^[a-zA-Z]*(['"])/.exec(literal);
  return match?.[1] ?? '"';
}

/** The value of a plain string literal (no f-string, no implicit concatenation), or null. */
export function stringLiteral(module: { text: string }, node: SyntaxNode): string | null {
  if (node.name !== 'String') return null;
  const raw = module.text.slice(node.from, node.to);
  const match = /^([rRuUbB]{0,2})('''|"""|'|")([\s\S]*)\2$/.exec(raw);
  if (!match) return null;
  const body = match[3] ?? '';
  if (/[rR]/.test(match[1] ?? '')) return body;
  return body.replace(/\\(.)/g, '$1');
}

/** Dotted name of a callee or attribute chain: `self.set_cookie` → ['self', 'set_cookie']; null if not plain. */
export function dottedName(module: PyModule, node: SyntaxNode): string[] | null {
  if (node.name === 'VariableName') return [textOf(module, node)];
  if (node.name === 'MemberExpression') {
    const children = childrenOf(node);
    const property = children.at(-1);
    const owner = children[0];
    if (property?.name !== 'PropertyName' || !owner) return null;
    const head = dottedName(module, owner);
    return head ? [...head, textOf(module, property)] : null;
  }
  return null;
}

const callCache = new WeakMap<PyModule, SyntaxNode[]>();

/** Every call expression of the module, in source order, found in one walk. */
export function callsOf(module: PyModule): SyntaxNode[] {
  let calls = callCache.get(module);
  if (!calls) {
    const found: SyntaxNode[] = [];
    module.tree.iterate({
      enter(node) {
        if (node.name === 'CallExpression') found.push(node.node);
      },
    });
    calls = found;
    callCache.set(module, calls);
  }
  return calls;
}

/** The callee and argument list of a call node. */
export function callParts(call: SyntaxNode): { callee: SyntaxNode; argList: SyntaxNode } | null {
  const callee = call.firstChild;
  const argList = call.lastChild;
  if (!callee || argList?.name !== 'ArgList') return null;
  return { callee, argList };
}

/** The innermost function definition around a node, with its `**kwargs` parameter name if any. */
export function enclosingFunction(
  module: PyModule,
  node: SyntaxNode,
): { node: SyntaxNode; name: string; kwargsParameter: string | null } | null {
  for (let current = node.parent; current; current = current.parent) {
    if (current.name !== 'FunctionDefinition') continue;
    const name = childrenOf(current).find((child) => child.name === 'VariableName');
    const parameters = childrenOf(current).find((child) => child.name === 'ParamList');
    let kwargsParameter: string | null = null;
    if (parameters) {
      const items = childrenOf(parameters);
      const index = items.findIndex((item) => item.name === '**');
      const after = index === -1 ? undefined : items[index + 1];
      if (after?.name === 'VariableName') kwargsParameter = textOf(module, after);
    }
    return { node: current, name: name ? textOf(module, name) : '', kwargsParameter };
  }
  return null;
}

/** Judges a flag's value expression: literal, None, or a run-time condition. */
export function evaluatePyFlag(
  module: PyModule,
  node: SyntaxNode,
  trueStrings: readonly string[] = [],
): FlagValue {
  const span = { start: node.from, end: node.to };
  const text = textOf(module, node);
  if (node.name === 'Boolean') {
    return text === 'True' ? { kind: 'true', span } : { kind: 'false', span, file: module.file };
  }
  if (node.name === 'None') return { kind: 'false', span, file: module.file };
  const literal = stringLiteral(module, node);
  if (literal !== null && trueStrings.includes(literal)) return { kind: 'true', span };
  if (node.name === 'Number') {
    return text.trim() === '0' ? { kind: 'false', span, file: module.file } : { kind: 'true', span };
  }
  return { kind: 'conditional', span, text, devOnly: classifyPyCondition(module, node) === 'development' };
}

/**
 * The conditions of the `if` / `elif` branches a node sits in, innermost first, up to its function or class.
 * An `else` branch ends the list with null: what it selects is not written.
 */
export function branchConditions(node: SyntaxNode): (SyntaxNode | null)[] {
  const found: (SyntaxNode | null)[] = [];
  for (let current = node.parent; current; current = current.parent) {
    if (current.name === 'FunctionDefinition' || current.name === 'ClassDefinition') break;
    if (current.name !== 'Body' || current.parent?.name !== 'IfStatement') continue;
    const children = childrenOf(current.parent);
    const index = children.findIndex((child) => child.from === current.from);
    const keyword = children[index - 2];
    const test = children[index - 1];
    if (!test || (keyword?.name !== 'if' && keyword?.name !== 'elif')) {
      found.push(null);
      break;
    }
    found.push(test);
  }
  return found;
}

/** Which environment a Python condition is true in (`DEBUG` → development, `not DEBUG` → production). */
export function classifyPyCondition(module: PyModule, node: SyntaxNode, depth = 0): Environment {
  if (depth > 6) return 'unknown';
  const children = childrenOf(node);
  switch (node.name) {
    case 'ParenthesizedExpression':
      return children[1] ? classifyPyCondition(module, children[1], depth + 1) : 'unknown';
    case 'UnaryExpression':
      return children[0]?.name === 'not' && children[1]
        ? opposite(classifyPyCondition(module, children[1], depth + 1))
        : 'unknown';
    case 'BinaryExpression': {
      const operator = children.find((child) => child.name === 'CompareOp');
      const literal = children.map((child) => stringLiteral(module, child)).find((value) => value !== null);
      if (operator && literal !== undefined && literal !== null) {
        const environment = environmentOfValue(literal);
        const op = textOf(module, operator).replace(/\s+/g, ' ');
        if (op === '==' || op === 'is' || op === 'in') return environment;
        if (op === '!=' || op === 'is not' || op === 'not in') return opposite(environment);
        return 'unknown';
      }
      const logical = children.find((child) => child.name === 'and' || child.name === 'or');
      if (logical && children[0] && children.at(-1)) {
        const left = classifyPyCondition(module, children[0], depth + 1);
        const right = classifyPyCondition(module, children.at(-1)!, depth + 1);
        if (logical.name === 'and')
          return left === 'development' || right === 'development' ? 'development' : left;
        return left === right ? left : 'unknown';
      }
      return 'unknown';
    }
    case 'ConditionalExpression': {
      // `True if X else False`
      const [whenTrue, , test, , whenFalse] = children;
      if (whenTrue?.name === 'Boolean' && whenFalse?.name === 'Boolean' && test) {
        const environment = classifyPyCondition(module, test, depth + 1);
        return textOf(module, whenTrue) === 'True' ? environment : opposite(environment);
      }
      return 'unknown';
    }
    case 'CallExpression': {
      const parts = callParts(node);
      const argument = parts ? argumentsOf(module, parts.argList)[0] : undefined;
      const value = argument ? stringLiteral(module, argument.value) : null;
      if (value !== null && /^https/i.test(value)) return 'production';
      return 'unknown';
    }
    case 'VariableName': {
      const name = textOf(module, node);
      const assigned = module.assignments.get(name);
      if (assigned && assigned.name !== 'Boolean') {
        const viaValue = classifyPyCondition(module, assigned, depth + 1);
        if (viaValue !== 'unknown') return viaValue;
      }
      return environmentOfName(name);
    }
    case 'MemberExpression': {
      const property = children.at(-1);
      return property?.name === 'PropertyName' ? environmentOfName(textOf(module, property)) : 'unknown';
    }
    default:
      return 'unknown';
  }
}

/** Local `NAME = value` inside a function body, before `before` (the last such assignment wins). */
export function localAssignment(
  module: PyModule,
  functionNode: SyntaxNode,
  name: string,
  before: number,
): SyntaxNode | null {
  let found: SyntaxNode | null = null;
  const cursor = functionNode.cursor();
  do {
    if (cursor.from >= before) break;
    if (cursor.name !== 'AssignStatement') continue;
    const target = cursor.node.firstChild;
    if (target?.name === 'VariableName' && textOf(module, target) === name)
      found = assignedValue(cursor.node);
  } while (cursor.next());
  return found;
}

/**
 * Simple statements of one body as a `py-statements` container: new statements go after the last one, at its
 * indentation. A statement that shares its line with another (`a = 1; b = 2`) or whose last line is indented
 * differently from its first (a wrapped call) cannot anchor an insertion and is left out; with no entry left,
 * the insertion is refused and the finding stays for a human.
 */
export function pyStatementsContainer(
  module: PyModule,
  open: number,
  statements: readonly SyntaxNode[],
  template: string,
): Container {
  const { text } = module;
  const indentOf = (offset: number) => /^[ \t]*/.exec(text.slice(lineStartAt(text, offset)))?.[0] ?? '';
  const entries = statements
    .filter((statement) => text.slice(lineStartAt(text, statement.from), statement.from).trim() === '')
    .filter((statement) => indentOf(statement.to) === indentOf(statement.from))
    .map((statement) => ({ start: statement.from, end: statement.to }));
  return {
    file: module.file,
    syntax: 'py-statements',
    open,
    close: entries.at(-1)?.end ?? open,
    entries,
    keyQuote: '',
    statementTemplate: template,
  };
}

function lineStartAt(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Module paths of the top-level `from X import *` statements, in order, with their offsets. */
export function starImportsOf(module: PyModule): Array<{ module: string; at: number }> {
  const found: Array<{ module: string; at: number }> = [];
  for (let statement = module.tree.topNode.firstChild; statement; statement = statement.nextSibling) {
    if (statement.name !== 'ImportStatement' || statement.lastChild?.name !== '*') continue;
    const parts = childrenOf(statement);
    if (parts[0]?.name !== 'from') continue;
    const importIndex = parts.findIndex((part) => part.name === 'import');
    const source = parts
      .slice(1, importIndex)
      .map((part) => textOf(module, part))
      .join('');
    found.push({ module: source, at: statement.from });
  }
  return found;
}
