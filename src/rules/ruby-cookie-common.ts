// What the Ruby rules share: reading the flags of an options hash (a `{…}` literal or a call's trailing keyword
// arguments), where new pairs go, wrapping a plain value into a hash, and deletions. Whether a call sits in
// the framework's own code (a Rails controller, a Sinatra app) is languages/ruby/app-context.ts.
import type { Node } from 'web-tree-sitter';
import {
  enclosingMethod,
  hashItems,
  methodName,
  rubyFlagValue,
  symbolName,
  textOf,
  type RubyModule,
} from '../languages/ruby/parse.js';
import type { Container, CookieSite, Flag, FlagValue } from '../model.js';

type Options = Pick<CookieSite, 'flags' | 'keys' | 'insertion' | 'notes'>;

export interface HashOptions extends Options {
  /** Every pair by its key's name (the last one wins, as in a Ruby hash). */
  pairs: Map<string, Node | null>;
}

/**
 * The flags of an options hash: `list` is a hash literal or an argument list whose pairs are the options.
 * Rack and the session middlewares read symbol keys only; Rails' cookie jar symbolizes the keys first
 * (`stringKeys`), so `'secure' => true` counts there and nowhere else.
 */
export function hashOptions(module: RubyModule, list: Node, stringKeys: boolean): HashOptions {
  const { items, entries, spread, style } = hashItems(module, list);
  const pairs = new Map<string, Node | null>();
  const stringKeyed = new Set<string>();
  for (const entry of entries) {
    if (entry.key === null) continue;
    const keyNode = entry.node.childForFieldName('key');
    if (keyNode?.type === 'string' && !stringKeys) {
      stringKeyed.add(entry.key);
      continue;
    }
    pairs.set(entry.key, entry.value);
  }
  const httpOnlyKey = pairs.has('http_only') && !pairs.has('httponly') ? 'http_only' : 'httponly';
  const keys = { httpOnly: httpOnlyKey, secure: 'secure' };
  const flags = {} as Record<Flag, FlagValue>;
  const unreadable = entries.some((entry) => entry.key === null);
  for (const flag of ['httpOnly', 'secure'] as Flag[]) {
    const key = keys[flag];
    if (pairs.has(key)) flags[flag] = rubyFlagValue(module, pairs.get(key));
    else if (spread || unreadable)
      flags[flag] = {
        kind: 'unknown',
        reason: 'the options hash takes entries from a splat (`**options`) or a computed key',
      };
    else if (stringKeyed.has(key))
      flags[flag] = {
        kind: 'unknown',
        reason: `the key \`'${key}'\` is a string, and this API reads only the symbol \`:${key}\`, so the value written there is ignored`,
      };
    else flags[flag] = { kind: 'absent' };
  }
  const container = hashContainer(module, list, items, style, stringKeys);
  return {
    pairs,
    flags,
    keys,
    insertion: container ? { container, nest: [] } : null,
    notes: container
      ? []
      : ['The options end in a block argument or a heredoc, so a new key is left to you.'],
  };
}

function hashContainer(
  module: RubyModule,
  list: Node,
  items: Node[],
  style: string | null,
  stringKeys: boolean,
): Container | null {
  const last = items.at(-1);
  // A new pair cannot follow a block argument, and a line after a heredoc's opener is the heredoc's body.
  if (last?.type === 'block_argument') return null;
  if (list.descendantsOfType('heredoc_beginning').length > 0) return null;
  const open = list.children[0];
  const close = list.children.at(-1);
  const delimited =
    (open?.type === '{' && close?.type === '}') || (open?.type === '(' && close?.type === ')');
  if (!delimited && !last) return null;
  // String keys only where the API reads them; elsewhere new keys are symbols, in the arrow style.
  const keyQuote = style === null ? '' : (style === "'" || style === '"') && !stringKeys ? ':' : style;
  return {
    file: module.file,
    syntax: delimited ? 'ruby-hash' : 'ruby-arguments',
    open: delimited ? open!.startIndex : list.startIndex,
    close: delimited ? close!.startIndex : last!.endIndex,
    entries: items.map((item) => ({ start: item.startIndex, end: item.endIndex })),
    keyQuote,
  };
}

/** Both flags absent, new ones going into a hash that wraps `value` (`{ value: token, secure: true }`). */
export function wrappedValue(module: RubyModule, value: Node): Options {
  return {
    flags: { httpOnly: { kind: 'absent' }, secure: { kind: 'absent' } },
    keys: { httpOnly: 'httponly', secure: 'secure' },
    insertion: {
      container: {
        file: module.file,
        syntax: 'ruby-value',
        open: value.startIndex,
        close: value.endIndex,
        entries: [],
        keyQuote: '',
      },
      nest: [],
    },
    notes: [],
  };
}

/** Both flags unknown: the value may be an options hash built elsewhere. */
export function unknownOptions(module: RubyModule, value: Node): Options {
  const reason = `\`${textOf(module, value).slice(0, 60)}\` may be an options hash built elsewhere`;
  return {
    flags: { httpOnly: { kind: 'unknown', reason }, secure: { kind: 'unknown', reason } },
    keys: { httpOnly: 'httponly', secure: 'secure' },
    insertion: null,
    notes: [],
  };
}

/** Methods whose result is a string or a number, never an options hash. */
const SCALAR_METHODS = new Set([
  'to_s',
  'to_str',
  'to_i',
  'to_json',
  'to_param',
  'inspect',
  'join',
  'hex',
  'urlsafe_base64',
  'base64',
  'uuid',
  'alphanumeric',
  'hexdigest',
  'base64digest',
  'encode64',
  'strict_encode64',
  'urlsafe_encode64',
  'strftime',
  'iso8601',
  'httpdate',
]);

/**
 * Whether a cookie value is certainly not a hash (a string, a number, a symbol, a call that returns a string),
 * so wrapping it into `{ value: … }` keeps what the cookie holds. A name or another call may hold a hash
 * of options, which wrapping would break.
 */
export function isScalarValue(module: RubyModule, value: Node, followLocal = true): boolean {
  switch (value.type) {
    case 'string':
    case 'integer':
    case 'float':
    case 'simple_symbol':
      return true;
    case 'identifier':
      return followLocal && localScalar(module, value);
    case 'call': {
      const name = methodName(module, value);
      return (
        name !== null &&
        SCALAR_METHODS.has(name) &&
        value.childForFieldName('block') === null &&
        value.childForFieldName('receiver') !== null
      );
    }
    default:
      return false;
  }
}

/**
 * Whether a bare name is a local of the method around it, set once before the use to a scalar
 * (`token = SecureRandom.hex(32)`). A parameter, a block variable, a second assignment or a multiple
 * assignment may give it anything; a name never assigned is a method call, which may return a hash.
 */
function localScalar(module: RubyModule, use: Node): boolean {
  const method = enclosingMethod(use);
  if (!method) return false;
  const name = textOf(module, use);
  const declared = [
    method.childForFieldName('parameters'),
    ...method.descendantsOfType(['block_parameters', 'lambda_parameters', 'left_assignment_list']),
  ];
  const named = (node: Node | null) =>
    node !== null && node.descendantsOfType('identifier').some((id) => textOf(module, id) === name);
  if (declared.some(named)) return false;
  const writes = method.descendantsOfType(['assignment', 'operator_assignment']).filter((write) => {
    const left = write.childForFieldName('left');
    return left?.type === 'identifier' && textOf(module, left) === name;
  });
  if (writes.length !== 1) return false;
  const write = writes[0]!;
  const right = write.childForFieldName('right');
  return (
    write.type === 'assignment' &&
    write.endIndex <= use.startIndex &&
    right !== null &&
    isScalarValue(module, right, false)
  );
}

/** Whether a cookie value deletes it or sets nothing: `nil`, `''`. */
export function isEmptyValue(module: RubyModule, value: Node | null | undefined): boolean {
  if (!value) return true;
  return value.type === 'nil' || /^(?:''|"")$/.test(textOf(module, value));
}

/** An expiry in the past (`1.day.ago`, `Time.at(0)`, `Time.now - 3600`) or a max-age of zero or less. */
export function deletes(module: RubyModule, pairs: ReadonlyMap<string, Node | null>): boolean {
  const expires = pairs.get('expires');
  if (expires) {
    const text = textOf(module, expires).replace(/\s+/g, '');
    if (
      /\.ago$|^(?:::)?Time\.at\(0\)$|^(?:::)?Time\.(?:now|current)-|^(?:::)?Time\.(?:zone\.)?at\(0\)/.test(
        text,
      )
    )
      return true;
  }
  const maxAge = pairs.get('max_age');
  return maxAge !== undefined && maxAge !== null && /^(?:0|-\s*\d+)$/.test(textOf(module, maxAge));
}

/** A symbol or string argument's name (`:sessions`, `'sessions'`). */
export function argumentName(module: RubyModule, node: Node | undefined): string | null {
  if (!node || (node.type !== 'simple_symbol' && node.type !== 'string')) return null;
  return symbolName(module, node);
}

/** The arguments of a call, comments left out. */
export function callArguments(call: Node): { list: Node | null; items: Node[] } {
  const list = call.childForFieldName('arguments');
  return { list, items: list ? list.namedChildren.filter((child) => child.type !== 'comment') : [] };
}
