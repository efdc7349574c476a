// Raw `Set-Cookie` headers written by hand in Python: `response.headers['Set-Cookie'] = …`,
// `response.headers.add('Set-Cookie', …)` (Werkzeug / Starlette `append`), Tornado's
// `self.add_header('Set-Cookie', …)` / `set_header`, `response['Set-Cookie'] = …` (Django), and
// `('Set-Cookie', …)` pairs or `{'Set-Cookie': …}` header maps. The string is the whole cookie: nothing is on
// unless the text says so. Missing attributes are appended inside the literal when it ends in text.
import type { SyntaxNode } from '@lezer/common';
import {
  argumentsOf,
  callParts,
  callsOf,
  childrenOf,
  dictEntriesOf,
  dottedName,
  stringLiteral,
  textOf,
  type PyModule,
} from '../languages/python.js';
import type { Container, CookieSite } from '../model.js';
import { setCookieHeaderSite, type StringPiece } from './cookie-string-common.js';
import type { PyRule } from './rule.js';

type Piece = StringPiece<SyntaxNode>;

/** Header-map methods (Werkzeug / Starlette / `email.message`), only on something called `headers`. */
const MAP_METHODS = new Set(['add', 'set', 'append', 'setdefault', 'add_header']);
/** Response methods that take a header name and value (Tornado, aiohttp-style wrappers). */
const RESPONSE_METHODS = new Set(['add_header', 'set_header']);

export const pySetCookieHeader: PyRule = {
  meta: {
    id: 'py-set-cookie-header',
    framework: 'set-cookie-header',
    language: 'python',
    api: "headers['Set-Cookie'] = …",
    description:
      "Cookie strings written as raw `Set-Cookie` headers (`headers['Set-Cookie'] = …`, `headers.add`, Tornado `add_header`).",
    defaults: { httpOnly: 'off', secure: 'off' },
  },
  findSites(module) {
    if (!/set-cookie/i.test(module.text) && !module.text.includes('SET_COOKIE')) return [];
    const values: SyntaxNode[] = [];
    for (const call of callsOf(module)) {
      const parts = callParts(call);
      const callee = parts ? dottedName(module, parts.callee) : null;
      const method = callee?.at(-1);
      if (!parts || !callee || callee.length < 2 || !method) continue;
      const onHeaders = MAP_METHODS.has(method) && /headers$/i.test(callee.at(-2) ?? '');
      if (!onHeaders && !RESPONSE_METHODS.has(method)) continue;
      const args = argumentsOf(module, parts.argList);
      if (args.length !== 2 || args.some((argument) => argument.kind !== 'positional')) continue;
      if (!isSetCookie(module, args[0]!.value)) continue;
      values.push(args[1]!.value);
    }
    module.tree.iterate({
      enter(ref) {
        const node = ref.node;
        if (node.name === 'AssignStatement') {
          const children = childrenOf(node).filter((child) => child.name !== 'Comment');
          const [target, op, value] = children;
          if (children.length !== 3 || op?.name !== 'AssignOp' || !value) return;
          if (target?.name !== 'MemberExpression') return;
          const parts = childrenOf(target);
          const key = parts.at(-2);
          if (parts.at(-1)?.name === ']' && key && isSetCookie(module, key)) {
            values.push(value);
          }
        } else if (node.name === 'TupleExpression') {
          const items = childrenOf(node).filter((child) => !['(', ')', ',', 'Comment'].includes(child.name));
          if (items.length === 2 && isSetCookie(module, items[0]!)) {
            values.push(items[1]!);
          }
        } else if (node.name === 'DictionaryExpression') {
          for (const entry of dictEntriesOf(module, node)) {
            if (entry.keyNode && isSetCookie(module, entry.keyNode)) {
              values.push(entry.value);
            }
          }
        }
      },
    });
    const sites: CookieSite[] = [];
    for (const value of values) {
      const site = siteOf(module, this.meta.id, value);
      if (site) sites.push(site);
    }
    return sites;
  },
};

/** `'Set-Cookie'` in any case, or aiohttp's `hdrs.SET_COOKIE` constant. */
function isSetCookie(module: PyModule, node: SyntaxNode): boolean {
  if (stringLiteral(module, node)?.toLowerCase() === 'set-cookie') return true;
  return dottedName(module, node)?.at(-1) === 'SET_COOKIE';
}

function siteOf(module: PyModule, ruleId: string, value: SyntaxNode): CookieSite | null {
  const pieces = piecesOf(module, value);
  return setCookieHeaderSite({
    ruleId,
    file: module.file,
    text: module.text,
    pieces,
    span: { start: value.from, end: value.to },
    end: stringEnd(module, pieces),
    spanOf: (node) => ({ start: node.from, end: node.to }),
  });
}

/** A string, f-string, implicit or `+` concatenation, or `'…%s…' % x`, as static texts and expressions. */
function piecesOf(module: PyModule, node: SyntaxNode): Piece[] {
  if (node.name === 'ParenthesizedExpression') {
    const inner = childrenOf(node).find((child) => !['(', ')', 'Comment'].includes(child.name));
    return inner ? piecesOf(module, inner) : [{ expression: node }];
  }
  if (node.name === 'String') {
    const text = stringLiteral(module, node);
    return text === null ? [{ expression: node }] : [{ text, node }];
  }
  if (node.name === 'FormatString') return formatPieces(module, node);
  if (node.name === 'ContinuedString') return childrenOf(node).flatMap((child) => piecesOf(module, child));
  if (node.name === 'BinaryExpression') {
    const [left, op, right] = childrenOf(node);
    if (left && right && op && textOf(module, op) === '+')
      return [...piecesOf(module, left), ...piecesOf(module, right)];
    // `"sid=%s; Path=/" % value`: the operands only fill the placeholders.
    if (left && op && textOf(module, op) === '%' && left.name === 'String') return piecesOf(module, left);
  }
  return [{ expression: node }];
}

/** An f-string's literal runs (as written) and replacement fields, in order. */
function formatPieces(module: PyModule, node: SyntaxNode): Piece[] {
  const raw = textOf(module, node);
  const match = /^([a-zA-Z]{1,2})('''|"""|'|")/.exec(raw);
  if (!match) return [{ expression: node }];
  const bodyStart = node.from + match[0].length;
  const bodyEnd = node.to - match[2]!.length;
  const pieces: Piece[] = [];
  let cursor = bodyStart;
  for (const child of childrenOf(node)) {
    if (child.name !== 'FormatReplacement') continue;
    if (child.from > cursor) pieces.push({ text: module.text.slice(cursor, child.from), node });
    pieces.push({ expression: child });
    cursor = child.to;
  }
  if (bodyEnd > cursor) pieces.push({ text: module.text.slice(cursor, bodyEnd), node });
  return pieces;
}

/** The closing quote of the literal the value ends with, when its last piece is text in a one-line string. */
function stringEnd(module: PyModule, pieces: readonly Piece[]): Container | null {
  const last = pieces.at(-1);
  if (!last || !('text' in last)) return null;
  const raw = textOf(module, last.node);
  const match = /^([a-zA-Z]{0,2})('|")/.exec(raw);
  if (!match || /[bB]/.test(match[1]!) || raw.startsWith(`${match[1]}${match[2]!.repeat(3)}`)) return null;
  const close = last.node.to - 1;
  if (module.text[close] !== match[2]) return null;
  return {
    file: module.file,
    syntax: 'cookie-string',
    open: last.node.from + match[1]!.length,
    close,
    entries: [],
    keyQuote: '',
  };
}
