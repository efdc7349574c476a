// PHP: parse with @lezer/php (a concrete tree with exact offsets, like the Python and Go parsers) and answer
// what the PHP rules ask: calls of a global function, their arguments, array literals and their pairs,
// literal strings and booleans.
import type { SyntaxNode, Tree } from '@lezer/common';
import { parser } from '@lezer/php';
import type { Container, FlagValue } from '../../model.js';
import { lineColumn, lineStarts } from '../text.js';

export interface PhpModule {
  file: string;
  text: string;
  tree: Tree;
  starts: readonly number[];
  /** Error nodes in the tree; a fix may never add to them. */
  errorCount: number;
}

export function parsePhp(file: string, text: string): PhpModule {
  const tree = parser.parse(text);
  let errorCount = 0;
  tree.iterate({
    enter(node) {
      if (node.type.isError) errorCount++;
    },
  });
  return { file, text, tree, starts: lineStarts(text), errorCount };
}

/** The 1-based line of an offset. */
export function lineOf(module: PhpModule, offset: number): number {
  return lineColumn(module.starts, offset).line;
}

export function textOf(module: { text: string }, node: SyntaxNode): string {
  return module.text.slice(node.from, node.to);
}

const PUNCTUATION = new Set(['(', ')', '[', ']', ',', 'LineComment', 'BlockComment', 'array']);

/** The argument nodes of a call, or the element nodes of an array: no brackets, commas or comments. */
export function listItems(list: SyntaxNode): SyntaxNode[] {
  const items: SyntaxNode[] = [];
  for (let child = list.firstChild; child; child = child.nextSibling) {
    if (!PUNCTUATION.has(child.name)) items.push(child);
  }
  return items;
}

/**
 * Every call of the global function `name` (PHP function names ignore case), as `name(…)` or `\name(…)`.
 * A method or static call of the same name is the project's own, and so is any call in a file that declares
 * or imports a function of that name (`function setcookie(`, `use function App\setcookie`).
 */
export function globalCalls(module: PhpModule, names: readonly string[]): SyntaxNode[] {
  const wanted = new Set(names.map((name) => name.toLowerCase()));
  const shadowed = new Set<string>();
  const calls: SyntaxNode[] = [];
  module.tree.cursor().iterate((ref) => {
    if (ref.name === 'FunctionDefinition') {
      const declared = ref.node.getChild('Name');
      if (declared) shadowed.add(textOf(module, declared).toLowerCase());
    }
    if (ref.name === 'NamespaceUseDeclaration' && ref.node.getChild('function')) {
      ref.node.cursor().iterate((inner) => {
        if (inner.name === 'QualifiedName' || inner.name === 'Name') {
          const imported = textOf(module, inner.node).split('\\').at(-1) ?? '';
          // `use function setcookie;` names the global one itself.
          if (inner.name === 'QualifiedName') shadowed.add(imported.toLowerCase());
          return false;
        }
        return true;
      });
    }
    if (ref.name !== 'CallExpression') return true;
    const callee = ref.node.firstChild;
    const name = callee ? calleeName(module, callee) : null;
    if (name !== null && wanted.has(name)) calls.push(ref.node);
    return true;
  });
  return calls.filter((call) => !shadowed.has(calleeName(module, call.firstChild!)!));
}

/** `setcookie` for `setcookie` and `\setcookie`, lower-cased; null for a method, a static or a namespaced call. */
function calleeName(module: PhpModule, callee: SyntaxNode): string | null {
  if (callee.name === 'Name') return textOf(module, callee).toLowerCase();
  if (callee.name !== 'QualifiedName') return null;
  const parts = textOf(module, callee);
  return /^\\\w+$/.test(parts) ? parts.slice(1).toLowerCase() : null;
}

export interface CallArguments {
  /** Positional arguments, in order. */
  positional: SyntaxNode[];
  /** Named arguments (PHP 8) by lower-cased name: their value nodes. */
  named: Map<string, SyntaxNode>;
  /** The call spreads an array or iterable into its arguments: anything may be there. */
  spread: boolean;
  list: SyntaxNode;
}

export function callArguments(module: PhpModule, call: SyntaxNode): CallArguments | null {
  const list = call.getChild('ArgList');
  if (!list) return null;
  const result: CallArguments = { positional: [], named: new Map(), spread: false, list };
  for (const item of listItems(list)) {
    if (item.name === 'SpreadArgument') result.spread = true;
    else if (item.name === 'NamedArgument') {
      const name = item.getChild('Name');
      const value = item.lastChild;
      if (name && value && value !== name) result.named.set(textOf(module, name).toLowerCase(), value);
    } else result.positional.push(item);
  }
  return result;
}

/** The value of a string literal without interpolation (`'a'`, `"a"`), or null for anything else. */
export function stringValue(module: PhpModule, node: SyntaxNode | null | undefined): string | null {
  if (!node || node.name !== 'String' || node.firstChild) return null;
  const raw = textOf(module, node);
  const quote = raw[0];
  if (quote === "'") return raw.slice(1, -1).replace(/\\(['\\])/g, '$1');
  if (quote !== '"' || /[\\$]/.test(raw)) return null;
  return raw.slice(1, -1);
}

/**
 * What a flag's value says. PHP converts a non-boolean to a boolean parameter (`1`, `0`, `null`), and its
 * `true` / `false` / `null` ignore case; anything else is decided at run time.
 */
export function phpFlagValue(module: PhpModule, value: SyntaxNode | null | undefined): FlagValue {
  if (!value) return { kind: 'unknown', reason: 'the value cannot be read' };
  const span = { start: value.from, end: value.to };
  const text = textOf(module, value);
  if (value.name === 'AssignmentExpression') {
    // `$secure = true` passed inline passes true; any other value there is the author's own variable.
    return /^true$/i.test(textOf(module, value.lastChild!))
      ? { kind: 'true', span }
      : { kind: 'conditional', span, text, devOnly: false };
  }
  if (/^true$/i.test(text) || text === '1') return { kind: 'true', span };
  if (/^(?:false|null)$/i.test(text) || text === '0') return { kind: 'false', span, file: module.file };
  return { kind: 'conditional', span, text, devOnly: false };
}

export interface ArrayPair {
  /** The key's string value (null for a computed or integer key). */
  key: string | null;
  node: SyntaxNode;
  value: SyntaxNode | null;
}

/** The elements of an array literal (`[…]` or `array(…)`). */
export function arrayPairs(module: PhpModule, array: SyntaxNode): ArrayPair[] {
  const list = array.getChild('ValueList') ?? array;
  return listItems(list).map((item) => {
    if (item.name !== 'Pair') return { key: null, node: item, value: item };
    const key = item.firstChild;
    return { key: stringValue(module, key), node: item, value: item.lastChild };
  });
}

/** Where new pairs go in an array literal; null when an element is a spread or an unkeyed value. */
export function arrayContainer(module: PhpModule, array: SyntaxNode): Container | null {
  const list = array.getChild('ValueList') ?? array;
  const open = list.firstChild;
  const close = list.lastChild;
  if (
    !open ||
    !close ||
    (open.name !== '[' && open.name !== '(') ||
    (close.name !== ']' && close.name !== ')')
  )
    return null;
  const items = listItems(list);
  if (items.some((item) => item.name !== 'Pair')) return null;
  return {
    file: module.file,
    syntax: 'php-array',
    open: open.from,
    close: close.from,
    entries: items.map((item) => ({ start: item.from, end: item.to })),
    keyQuote: keyQuoteOf(module, items),
  };
}

/** The quote the array's string keys use, single when none says (PHP code mostly writes `'key'`). */
function keyQuoteOf(module: PhpModule, pairs: SyntaxNode[]): string {
  for (const pair of pairs) {
    const key = pair.firstChild;
    if (key?.name === 'String') return textOf(module, key).startsWith('"') ? '"' : "'";
  }
  return "'";
}

/** Whether a node is an array literal. */
export function isArrayLiteral(node: SyntaxNode | null | undefined): boolean {
  return node?.name === 'ArrayExpression';
}

const SCOPES = new Set([
  'FunctionDefinition',
  'MethodDeclaration',
  'FunctionExpression',
  'ArrowFunction',
  'ClassDeclaration',
]);

/**
 * The array literal a local variable holds where `use` reads it: the one `$name = […]` of its function (or of
 * the file's top level) before the read, when every other mention of the variable in that scope only passes
 * it on as an argument. Anything else (a second assignment, `$name['secure'] = …`, a by-reference use) may
 * change it, so null.
 */
export function localArray(module: PhpModule, use: SyntaxNode): SyntaxNode | null {
  if (use.name !== 'VariableName') return null;
  const name = textOf(module, use);
  let scope: SyntaxNode | null = use.parent;
  while (scope && !SCOPES.has(scope.name) && scope.parent) scope = scope.parent;
  if (!scope) return null;
  let array: SyntaxNode | null = null;
  let unsafe = false;
  scope.cursor().iterate((ref) => {
    if (unsafe) return false;
    if (ref.node !== scope && SCOPES.has(ref.name)) return false;
    if (ref.name !== 'VariableName' || textOf(module, ref.node) !== name) return true;
    const parent = ref.node.parent;
    if (parent?.name === 'ArgList' && ref.from !== use.from && !isByReference(module, ref.node)) return true;
    if (ref.from === use.from) return true;
    const value = parent?.lastChild;
    if (
      parent?.name === 'AssignmentExpression' &&
      parent.firstChild?.from === ref.from &&
      textOf(module, parent.getChild('AssignOp') ?? parent) === '=' &&
      value?.name === 'ArrayExpression' &&
      array === null &&
      ref.from < use.from
    ) {
      array = value;
      return true;
    }
    unsafe = true;
    return false;
  });
  return unsafe ? null : array;
}

/** `&$name`: a reference the callee may write through. */
function isByReference(module: PhpModule, variable: SyntaxNode): boolean {
  return /&\s*$/.test(module.text.slice(Math.max(0, variable.from - 4), variable.from));
}
