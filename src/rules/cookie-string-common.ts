// Set-Cookie-style strings written in JavaScript (`document.cookie = "…"`, raw `Set-Cookie` header values):
// their literal pieces, which attributes they already carry, and the literal end new attributes go before.
import { unwrap, type JsModule, type JsNode } from '../languages/javascript.js';
import type { Container, FlagValue } from '../model.js';

export type Piece = { text: string; node: JsNode } | { expression: JsNode };

/** Attribute text that deletes the cookie: nothing is worth securing. */
export const DELETION = /expires\s*=\s*thu,\s*0?1 jan 1970|max-age\s*=\s*(0|-)/i;

/** The attribute as a whole word between separators: `; Secure`, `;secure;`. */
export function attributePattern(attribute: string): RegExp {
  return new RegExp(`;\\s*${attribute}\\s*(;|$)`, 'i');
}

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

/** The literal name before the first `=`, when the string starts with literal text. */
export function cookieNameOf(pieces: readonly Piece[]): string | null {
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
export function attributeOf(module: JsModule, pieces: readonly Piece[], attribute: string): FlagValue {
  const written = attributePattern(attribute);
  for (const piece of pieces) {
    if ('text' in piece && written.test(piece.text)) {
      return { kind: 'true', span: { start: piece.node.start, end: piece.node.end } };
    }
  }
  const mention = new RegExp(attribute, 'i');
  let attributes = false;
  for (const piece of pieces) {
    if ('text' in piece) {
      attributes ||= piece.text.includes(';');
      continue;
    }
    const source = module.text.slice(piece.expression.start, piece.expression.end);
    if (mention.test(source)) {
      return {
        kind: 'conditional',
        span: { start: piece.expression.start, end: piece.expression.end },
        text: source,
        devOnly: false,
      };
    }
    if (attributes && /attr|option|flag/i.test(source)) {
      return { kind: 'unknown', reason: `the attributes come from \`${source}\`` };
    }
  }
  return { kind: 'absent' };
}
