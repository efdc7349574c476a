// What the PHP rules share: sites for a function whose flags are either trailing positional booleans
// (`setcookie(…, $secure, $httponly)`, `session_set_cookie_params(…, $secure, $httponly)`) or keys of one
// options array, and the argument list a missing positional flag is appended to.
import type { SyntaxNode } from '@lezer/common';
import {
  arrayContainer,
  arrayPairs,
  isArrayLiteral,
  lineOf,
  listItems,
  localArray,
  phpFlagValue,
  textOf,
  type CallArguments,
  type PhpModule,
} from '../languages/php/parse.js';
import type { Container, CookieSite, Flag, FlagValue } from '../model.js';

export const PHP_KEYS = { httpOnly: 'httponly', secure: 'secure' } as const;

/** The flags of an options array (keys ignore case, as PHP's option parser does) and where new keys go. */
export function arrayOptions(
  module: PhpModule,
  array: SyntaxNode,
  keys: Record<Flag, string>,
): Pick<CookieSite, 'flags' | 'insertion' | 'notes'> & { pairs: Map<string, SyntaxNode | null> } {
  const pairs = new Map<string, SyntaxNode | null>();
  let unreadable = false;
  for (const pair of arrayPairs(module, array)) {
    if (pair.key === null) unreadable = true;
    else pairs.set(pair.key.toLowerCase(), pair.value);
  }
  const flags = {} as Record<Flag, FlagValue>;
  for (const flag of ['httpOnly', 'secure'] as Flag[]) {
    const key = keys[flag].toLowerCase();
    flags[flag] = pairs.has(key)
      ? phpFlagValue(module, pairs.get(key))
      : unreadable
        ? { kind: 'unknown', reason: 'the options array has an entry whose key cannot be read (a spread)' }
        : { kind: 'absent' };
  }
  const container = arrayContainer(module, array);
  return {
    pairs,
    flags,
    insertion: container ? { container, nest: [] } : null,
    notes: container ? [] : ['The options array has entries without a key, so a new key is left to you.'],
  };
}

/**
 * The options array an argument gives, written in place or (when it is the call's last argument) held in a
 * local set once before the call, read as `arrayOptions` reads it; null when the argument is neither.
 */
export function optionsArgument(
  module: PhpModule,
  argument: SyntaxNode | undefined,
  last: boolean,
): ReturnType<typeof arrayOptions> | null {
  if (!argument) return null;
  const held = last ? localArray(module, argument) : null;
  const array = isArrayLiteral(argument) ? argument : held;
  if (!array) return null;
  const options = arrayOptions(module, array, PHP_KEYS);
  if (!held) return options;
  const where = `The options are the array \`${textOf(module, argument)}\` set on line ${lineOf(module, array.from)}.`;
  return { ...options, notes: [where, ...options.notes] };
}

/** Both flags unknown: the options may be an array built where the scan cannot follow. */
export function unknownOptions(reason: string): Pick<CookieSite, 'flags' | 'insertion' | 'notes'> {
  return {
    flags: { httpOnly: { kind: 'unknown', reason }, secure: { kind: 'unknown', reason } },
    insertion: null,
    notes: [],
  };
}

/**
 * The flags at positions `at.secure` and `at.httpOnly` (0-based, or a named argument of that name), and an
 * insertion point for the missing trailing ones when every argument before them is given: a flag cannot be
 * passed by position without writing out the arguments before it.
 */
export function positionalOptions(
  module: PhpModule,
  args: CallArguments,
  at: { secure: number; httpOnly: number },
  names: Record<Flag, string>,
): Pick<CookieSite, 'flags' | 'insertion' | 'notes'> {
  const flags = {} as Record<Flag, FlagValue>;
  for (const flag of ['httpOnly', 'secure'] as Flag[]) {
    const node = args.positional[at[flag]] ?? args.named.get(names[flag].toLowerCase());
    flags[flag] = args.spread
      ? { kind: 'unknown', reason: 'the arguments are spread from an array' }
      : node
        ? phpFlagValue(module, node)
        : { kind: 'absent' };
  }
  const first = Math.min(at.secure, at.httpOnly);
  const count = args.positional.length;
  const open = args.list.firstChild;
  const close = args.list.lastChild;
  if (args.spread || open?.name !== '(' || close?.name !== ')') return { flags, insertion: null, notes: [] };
  const items = listItems(args.list);
  const entries = items.map((node) => ({ start: node.from, end: node.to }));
  if (args.named.size > 0) {
    // Named arguments mean PHP 8, where a flag can be passed by name without the arguments before it.
    const container: Container = {
      file: module.file,
      syntax: 'php-named-arguments',
      open: open.from,
      close: close.from,
      entries,
      keyQuote: '',
    };
    return { flags, insertion: { container, nest: [] }, notes: [] };
  }
  if (count < first) {
    return {
      flags,
      insertion: null,
      notes: [
        `The call passes ${count} arguments and the flags are its ${first + 1}th and ${first + 2}th, so adding them means writing out the arguments before them; that is left to you.`,
      ],
    };
  }
  const order = (['secure', 'httpOnly'] as Flag[]).sort((a, b) => at[a] - at[b]);
  const missing = order.filter((flag) => at[flag] >= count).map((flag) => names[flag]);
  if (missing.length === 0) return { flags, insertion: null, notes: [] };
  const container: Container = {
    file: module.file,
    syntax: 'php-arguments',
    open: open.from,
    close: close.from,
    entries,
    keyQuote: '',
    positional: missing,
  };
  return { flags, insertion: { container, nest: [] }, notes: [] };
}

/** `TRUE` where the call already writes its booleans in capitals, so a new one matches them. */
export function trueLiteralOf(module: PhpModule, call: SyntaxNode): string | undefined {
  const booleans: string[] = [];
  call.cursor().iterate((ref) => {
    if (ref.name === 'Boolean') booleans.push(textOf(module, ref.node));
  });
  return booleans.length > 0 && booleans.every((word) => word === word.toUpperCase()) ? 'TRUE' : undefined;
}

/**
 * Whether an expiry says the cookie is being deleted: a time in the past (`time() - 3600`, a negative number,
 * or a small positive timestamp such as `1`, which is in 1970).
 */
export function isPastExpiry(module: PhpModule, node: SyntaxNode | null | undefined): boolean {
  if (!node) return false;
  const text = textOf(module, node).replace(/\s+/g, '');
  if (/^-\d+$/.test(text)) return true;
  if (/^\d+$/.test(text)) return Number(text) > 0 && Number(text) < 1e9;
  return /^\\?time\(\)-/i.test(text);
}

/** Whether a cookie value is empty (`''`, `""`, `null`, `false`): PHP then sends a deletion. */
export function isEmptyValue(module: PhpModule, node: SyntaxNode | null | undefined): boolean {
  if (!node) return true;
  return /^(?:''|""|null|false)$/i.test(textOf(module, node));
}
