// `document.cookie = "name=value; path=/"` in browser code. HttpOnly cannot be set from script; Secure is
// missing unless the string says `; Secure`. When the string ends in literal text, `; Secure` is appended
// inside it; when it ends in an expression, the missing Secure is reported with the text to append.
import {
  memberAssignmentsOf,
  memberPropertyName,
  unwrap,
  type JsModule,
  type JsNode,
} from '../languages/javascript.js';
import type { Container, CookieSite, FlagValue } from '../model.js';
import { CLIENT_KEYS, clientSite, unsplicable } from './client-common.js';
import type { JsRule } from './rule.js';

type Piece = { text: string; node: JsNode } | { expression: JsNode };

/** Attribute text that deletes the cookie: nothing is worth securing. */
const DELETION = /expires\s*=\s*thu,\s*0?1 jan 1970|max-age\s*=\s*(0|-)/i;
const SECURE = /;\s*secure\s*(;|$)/i;

export const documentCookie: JsRule = {
  meta: {
    id: 'document-cookie',
    framework: 'document-cookie',
    language: 'javascript',
    api: 'document.cookie = "…"',
    description: 'Cookie strings assigned to `document.cookie` in browser code (Secure only).',
    defaults: { httpOnly: 'off', secure: 'off' },
    clientSide: true,
  },
  findSites(module) {
    if (!module.text.includes('document.cookie')) return [];
    const sites: CookieSite[] = [];
    for (const assignment of memberAssignmentsOf(module)) {
      const node = assignment.node;
      if (node.operator !== '=' || !isDocumentCookie(unwrap(node.left))) continue;
      const pieces = piecesOf(node.right);
      if (!pieces.some((piece) => 'text' in piece)) continue; // built elsewhere: nothing to read here
      const statics = pieces.map((piece) => ('text' in piece ? piece.text : '\0'));
      const joined = statics.join('');
      if (DELETION.test(joined)) continue;
      const first = pieces[0];
      const name =
        first && 'text' in first && first.text.includes('=') ? first.text.split('=')[0]!.trim() : null;
      const secure = secureOf(module, pieces);
      const right = unwrap(node.right);
      const site: CookieSite = {
        ruleId: this.meta.id,
        file: module.file,
        offset: right.start,
        cookieNames: name ? [name] : [],
        flags: { httpOnly: { kind: 'absent' }, secure },
        keys: CLIENT_KEYS,
        insertion: {
          container: stringEnd(module, pieces) ?? unsplicable(module.file, right.start, right.end),
          nest: [],
        },
        usedAt: [],
        notes:
          secure.kind === 'absent' && !stringEnd(module, pieces)
            ? ['The string ends in an expression, so `; Secure` has to be appended by hand.']
            : [],
      };
      sites.push(clientSite(site, '`document.cookie`'));
    }
    return sites;
  },
};

/** The literal text the cookie string ends with, as a container attributes can be appended to. */
function stringEnd(module: JsModule, pieces: readonly Piece[]): Container | null {
  const last = pieces.at(-1);
  if (!last || !('text' in last)) return null;
  const node = last.node;
  // A string literal spans its quotes; a template's last quasi sits between `}` (or the backtick) and the backtick.
  const [open, close] =
    node.type === 'StringLiteral' ? [node.start, node.end - 1] : [node.start - 1, node.end];
  if (!['"', "'", '`'].includes(module.text[close] ?? '')) return null;
  return { file: module.file, syntax: 'cookie-string', open, close, entries: [], keyQuote: '' };
}

function isDocumentCookie(node: JsNode): boolean {
  if (node.type !== 'MemberExpression' || memberPropertyName(node) !== 'cookie') return false;
  const owner = unwrap(node.object);
  if (owner.type === 'Identifier') return owner.name === 'document';
  return owner.type === 'MemberExpression' && memberPropertyName(owner) === 'document';
}

/** A string literal, template or `+` chain as its static texts and expressions, in order. */
function piecesOf(node: JsNode): Piece[] {
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

/** Secure written in the text, chosen by an expression (`${https ? '; secure' : ''}`), or missing. */
function secureOf(module: JsModule, pieces: Piece[]): FlagValue {
  for (const piece of pieces) {
    if ('text' in piece && SECURE.test(piece.text)) {
      return { kind: 'true', span: { start: piece.node.start, end: piece.node.end } };
    }
  }
  let attributes = false;
  for (const piece of pieces) {
    if ('text' in piece) {
      attributes ||= piece.text.includes(';');
      continue;
    }
    const source = module.text.slice(piece.expression.start, piece.expression.end);
    if (/secure/i.test(source)) {
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
