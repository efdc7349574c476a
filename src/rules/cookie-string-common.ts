// Set-Cookie-style strings (`document.cookie = "…"`, raw `Set-Cookie` header values in JavaScript and
// Python): their literal pieces, which attributes they already carry, and the literal end new attributes go
// before. Splitting a string into pieces is each language's own; reading the pieces is shared.
import { unwrap, type JsModule, type JsNode } from '../languages/javascript.js';
import type { Container, CookieSite, FlagValue } from '../model.js';
import { unsplicable } from './client-common.js';

/** A literal run of the string, or an expression inside it, in either language's syntax tree. */
export type StringPiece<Node> = { text: string; node: Node } | { expression: Node };
export type Piece = StringPiece<JsNode>;

interface Span {
  start: number;
  end: number;
}

const MAX_AGE_DELETION = /max-age\s*=\s*(0|-)/i;
const EXPIRES = /expires\s*=\s*([^;]*)/gi;
/** Before any date a live cookie is given: only a deletion writes one (fixed, so a scan never changes with time). */
const LONG_AGO = Date.UTC(2000, 0, 1);

/**
 * Attribute text that deletes the cookie, so nothing is worth securing: `max-age=0` or negative, or an expiry
 * date long past in any spelling browsers read (`Thu, 01 Jan 1970 00:00:00 GMT`, `Thu, 01-Jan-70 00:00:01 GMT`).
 */
export function deletesCookie(text: string): boolean {
  if (MAX_AGE_DELETION.test(text)) return true;
  for (const match of text.matchAll(EXPIRES)) {
    const date = Date.parse((match[1] ?? '').trim());
    if (!Number.isNaN(date) && date < LONG_AGO) return true;
  }
  return false;
}

type FlagAttribute = 'httponly' | 'secure';

/** The attribute as a whole word between separators (`; Secure`, `;secure;`), and any mention of it. */
const WRITTEN: Record<FlagAttribute, RegExp> = {
  httponly: /;\s*httponly\s*(;|$)/i,
  secure: /;\s*secure\s*(;|$)/i,
};
const MENTIONED: Record<FlagAttribute, RegExp> = { httponly: /httponly/i, secure: /secure/i };

/** A string literal, template or `+` chain as its static texts and expressions, in order. */
export function piecesOf(node: JsNode): Piece[] {
  const value = unwrap(node);
  if (value.type === 'StringLiteral') return [{ text: value.value, node: value }];
  if (value.type === 'TemplateLiteral') {
    const pieces: Piece[] = [];
    value.quasis.forEach((quasi: JsNode, index: number) => {
      if (quasi.value.cooked) pieces.push({ text: quasi.value.cooked, node: quasi });
      const expression = value.expressions[index];
      if (expression) pieces.push({ expression });
    });
    return pieces;
  }
  if (value.type === 'BinaryExpression' && value.operator === '+') {
    return [...piecesOf(value.left), ...piecesOf(value.right)];
  }
  return [{ expression: value }];
}

/** The literal texts joined, each expression as a NUL: what the string says for certain. */
export function staticText<Node>(pieces: readonly StringPiece<Node>[]): string {
  return pieces.map((piece) => ('text' in piece ? piece.text : '\0')).join('');
}

/** The literal name before the first `=`, when the string starts with literal text. */
export function cookieNameOf<Node>(pieces: readonly StringPiece<Node>[]): string | null {
  const first = pieces[0];
  if (!first || !('text' in first) || !first.text.includes('=')) return null;
  const name = first.text.split('=')[0]!.trim();
  return name === '' ? null : name;
}

/** The literal text the cookie string ends with, as a container attributes can be appended to. */
export function stringEnd(module: JsModule, pieces: readonly Piece[]): Container | null {
  const last = pieces.at(-1);
  if (!last || !('text' in last)) return null;
  const node = last.node;
  // A string literal spans its quotes; a template's last quasi sits between `}` (or the backtick) and the backtick.
  const [open, close] =
    node.type === 'StringLiteral' ? [node.start, node.end - 1] : [node.start - 1, node.end];
  if (!['"', "'", '`'].includes(module.text[close] ?? '')) return null;
  return { file: module.file, syntax: 'cookie-string', open, close, entries: [], keyQuote: '' };
}

/**
 * An attribute written in the text, chosen by an expression (`${https ? '; secure' : ''}`), hidden in an
 * expression that holds the attributes (`${options}`), or missing.
 */
export function attributeOf(module: JsModule, pieces: readonly Piece[], attribute: FlagAttribute): FlagValue {
  return attributeIn(module.text, pieces, attribute, (node) => ({ start: node.start, end: node.end }));
}

/** attributeOf for either language: `spanOf` says where a piece's node stands in `text`. */
function attributeIn<Node>(
  text: string,
  pieces: readonly StringPiece<Node>[],
  attribute: FlagAttribute,
  spanOf: (node: Node) => Span,
): FlagValue {
  const written = WRITTEN[attribute];
  for (const piece of pieces) {
    if ('text' in piece && written.test(piece.text)) return { kind: 'true', span: spanOf(piece.node) };
  }
  const mention = MENTIONED[attribute];
  let attributes = false;
  for (const piece of pieces) {
    if ('text' in piece) {
      attributes ||= piece.text.includes(';');
      continue;
    }
    const span = spanOf(piece.expression);
    const source = text.slice(span.start, span.end);
    if (mention.test(source)) return { kind: 'conditional', span, text: source, devOnly: false };
    if (attributes && /attr|option|flag/i.test(source)) {
      return { kind: 'unknown', reason: `the attributes come from \`${source}\`` };
    }
  }
  return { kind: 'absent' };
}

/**
 * A raw `Set-Cookie` header value as a site (JavaScript or Python): null when the literal text names no
 * cookie or deletes it. New attributes go before the literal end, when the string ends in literal text.
 */
export function setCookieHeaderSite<Node>(request: {
  ruleId: string;
  file: string;
  text: string;
  pieces: readonly StringPiece<Node>[];
  /** Where the whole value stands. */
  span: Span;
  end: Container | null;
  spanOf: (node: Node) => Span;
}): CookieSite | null {
  const { pieces, end, span } = request;
  const statics = staticText(pieces);
  if (!/[=;]/.test(statics) || deletesCookie(statics)) return null;
  const name = cookieNameOf(pieces);
  const flags = {
    httpOnly: attributeIn(request.text, pieces, 'httponly', request.spanOf),
    secure: attributeIn(request.text, pieces, 'secure', request.spanOf),
  };
  return {
    ruleId: request.ruleId,
    file: request.file,
    offset: span.start,
    cookieNames: name ? [name] : [],
    flags,
    keys: { httpOnly: 'HttpOnly', secure: 'Secure' },
    insertion: { container: end ?? unsplicable(request.file, span.start, span.end), nest: [] },
    usedAt: [],
    notes:
      !end && (flags.httpOnly.kind === 'absent' || flags.secure.kind === 'absent')
        ? ['The header value ends in an expression, so the missing attributes have to be appended by hand.']
        : [],
  };
}
