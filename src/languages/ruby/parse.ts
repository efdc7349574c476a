// Ruby: parse with tree-sitter's Ruby grammar (WebAssembly, loaded before the scan) and answer what the Ruby
// rules ask: calls and their receivers, the class a call sits in, hash literals and keyword arguments, and
// literal values. The tree lives in WebAssembly memory: the analyzer deletes it once the rules have run.
import type { Node, Tree } from 'web-tree-sitter';
import type { FlagValue } from '../../model.js';
import { lineColumn, lineStarts } from '../text.js';
import { parseWith } from '../tree-sitter/runtime.js';

export interface RubyModule {
  file: string;
  text: string;
  tree: Tree;
  root: Node;
  starts: readonly number[];
  /** ERROR and MISSING nodes; a fix may never add to them. */
  errorCount: number;
  /** `nodesOfType` answers, by the types asked for: every rule looks for calls, and a walk is not free. */
  found: Map<string, Node[]>;
}

export function parseRuby(file: string, text: string): RubyModule {
  const { tree, errorCount } = parseWith('ruby', text);
  return { file, text, tree, root: tree.rootNode, starts: lineStarts(text), errorCount, found: new Map() };
}

export function textOf(module: { text: string }, node: Node): string {
  return module.text.slice(node.startIndex, node.endIndex);
}

/** The 1-based line of an offset. */
export function lineOf(module: RubyModule, offset: number): number {
  return lineColumn(module.starts, offset).line;
}

/** Every node of the given types, in source order. */
export function nodesOfType(module: RubyModule, types: readonly string[]): Node[] {
  const key = types.join(' ');
  let nodes = module.found.get(key);
  if (!nodes) {
    nodes = module.root.descendantsOfType([...types]);
    module.found.set(key, nodes);
  }
  return nodes;
}

/**
 * The name a symbol or string spells (`:secure`, `secure:`, `'secure'`, `:"secure"`), or null for anything
 * else (an interpolated string, a computed key).
 */
export function symbolName(module: RubyModule, node: Node | null | undefined): string | null {
  if (!node) return null;
  const text = textOf(module, node);
  switch (node.type) {
    case 'hash_key_symbol':
      return text;
    case 'simple_symbol':
      return text.slice(1);
    case 'string':
    case 'delimited_symbol': {
      const parts = node.namedChildren;
      if (parts.some((part) => part.type !== 'string_content')) return null;
      return parts.map((part) => textOf(module, part)).join('');
    }
    default:
      return null;
  }
}

/** A string literal's value when it has no interpolation or escape, or null. */
export function stringValue(module: RubyModule, node: Node | null | undefined): string | null {
  if (!node || (node.type !== 'string' && node.type !== 'simple_symbol')) return null;
  return symbolName(module, node);
}

/** How a hash's keys are written: `key:` (''), `:key =>` (':'), or quoted string keys (the quote). */
export type KeyStyle = '' | ':' | "'" | '"';

export interface HashEntry {
  /** The key's name (null for a computed key). */
  key: string | null;
  node: Node;
  value: Node | null;
}

export interface HashItems {
  /** Every item in order: pairs, and (for an argument list) the positional arguments before them. */
  items: Node[];
  entries: HashEntry[];
  /** A `**options`, `*args` or `...` somewhere: any key may come from it. */
  spread: boolean;
  /** The first pair's key style, or null when there is no pair. */
  style: KeyStyle | null;
}

/** The items of a hash literal or an argument list (comments left out). */
export function hashItems(module: RubyModule, list: Node): HashItems {
  const items = list.namedChildren.filter(
    (child) => child.type !== 'comment' && child.type !== 'heredoc_body',
  );
  const entries: HashEntry[] = [];
  let spread = false;
  let style: KeyStyle | null = null;
  for (const item of items) {
    // `**options`, `*args` and `...` (the arguments the method itself was given) may hold any key.
    if (
      item.type === 'hash_splat_argument' ||
      item.type === 'splat_argument' ||
      item.type === 'forward_argument'
    )
      spread = true;
    if (item.type !== 'pair') continue;
    const key = item.childForFieldName('key');
    const value = item.childForFieldName('value');
    entries.push({ key: symbolName(module, key), node: item, value });
    style ??= keyStyleOf(module, key);
  }
  return { items, entries, spread, style };
}

function keyStyleOf(module: RubyModule, key: Node | null): KeyStyle {
  if (!key || key.type === 'hash_key_symbol') return '';
  if (key.type === 'string') return textOf(module, key).startsWith('"') ? '"' : "'";
  // `"key": value` is a symbol key written with quotes: new keys are written plainly.
  if (key.type === 'simple_symbol' || key.type === 'delimited_symbol') return ':';
  return '';
}

/**
 * What a flag's value says. Ruby's only false values are `false` and `nil`; a value decided by the Rails
 * environment is on in production (`Rails.env.production?`) or only in development (`Rails.env.development?`).
 */
export function rubyFlagValue(module: RubyModule, value: Node | null | undefined): FlagValue {
  if (!value) return { kind: 'unknown', reason: 'the value cannot be read' };
  const span = { start: value.startIndex, end: value.endIndex };
  const text = textOf(module, value);
  if (value.type === 'true') return { kind: 'true', span };
  if (value.type === 'false' || value.type === 'nil') return { kind: 'false', span, file: module.file };
  if (/^(?:::)?Rails\.env\.production\?$/.test(text)) return { kind: 'true', span };
  if (/^!\s*(?:::)?Rails\.env\.(?:development|test)\?$/.test(text)) return { kind: 'true', span };
  const devOnly = /^(?:::)?Rails\.env\.(?:development|test)\?$/.test(text);
  return { kind: 'conditional', span, text, devOnly };
}

/** The callee name of a call node (`set_cookie` of `response.set_cookie(…)`), or null. */
export function methodName(module: RubyModule, call: Node): string | null {
  const method = call.childForFieldName('method');
  return method ? textOf(module, method) : null;
}

/** The receiver's source text (`response`, `Rack::Utils`), or '' for a call without one. */
export function receiverText(module: RubyModule, call: Node): string {
  const receiver = call.childForFieldName('receiver');
  return receiver ? textOf(module, receiver) : '';
}

/** The classes around a node, innermost first, as `{ name, superclass }` source texts. */
export function enclosingClasses(
  module: RubyModule,
  node: Node,
): Array<{ name: string; superclass: string }> {
  const found: Array<{ name: string; superclass: string }> = [];
  for (let up = node.parent; up; up = up.parent) {
    if (up.type !== 'class') continue;
    const name = up.childForFieldName('name');
    const superclass = up.childForFieldName('superclass')?.namedChildren[0];
    found.push({
      name: name ? textOf(module, name) : '',
      superclass: superclass ? textOf(module, superclass).replace(/^::/, '') : '',
    });
  }
  return found;
}

/** The innermost method definition around a node, or null at class or file level. */
export function enclosingMethod(node: Node): Node | null {
  for (let up = node.parent; up; up = up.parent) {
    if (up.type === 'method' || up.type === 'singleton_method') return up;
    if (up.type === 'class' || up.type === 'module') return null;
  }
  return null;
}

/** Whether the file requires a library by one of `names` (`require 'sinatra'`, `require "sinatra/base"`). */
export function requires(module: RubyModule, names: readonly string[]): boolean {
  return nodesOfType(module, ['call']).some((call) => {
    if (call.childForFieldName('receiver') || methodName(module, call) !== 'require') return false;
    const argument = call.childForFieldName('arguments')?.namedChildren[0];
    const required = stringValue(module, argument);
    return required !== null && names.includes(required);
  });
}
