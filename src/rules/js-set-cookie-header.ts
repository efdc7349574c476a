// Raw `Set-Cookie` headers written by hand: `res.setHeader('Set-Cookie', …)`, Express `res.set` / `res.header`
// / `res.append`, `headers['Set-Cookie'] = …`, `{ 'Set-Cookie': … }` in `writeHead`, `new Headers(…)` or a
// Response init, and Fetch `headers.append` / `headers.set`. The header string is the whole cookie: nothing
// is on unless the text says so. Missing attributes are appended inside the literal when it ends in text.
import {
  callsOf,
  calleeName,
  forEachNode,
  memberAssignmentsOf,
  memberPropertyName,
  propertyKeyName,
  stringValue,
  unwrap,
  type JsModule,
  type JsNode,
} from '../languages/javascript.js';
import type { CookieSite } from '../model.js';
import { unsplicable } from './client-common.js';
import { DELETION, attributeOf, cookieNameOf, piecesOf, stringEnd } from './cookie-string-common.js';
import type { JsRule } from './rule.js';

/** Methods that write one header: Node's `setHeader` / `appendHeader`, Express / Fastify / Hono, Fetch `Headers`. */
const HEADER_METHODS = new Set(['setHeader', 'appendHeader', 'set', 'header', 'append']);
const KEYS = { httpOnly: 'HttpOnly', secure: 'Secure' };
const MENTION = /set-cookie/i;

export const jsSetCookieHeader: JsRule = {
  meta: {
    id: 'js-set-cookie-header',
    framework: 'set-cookie-header',
    language: 'javascript',
    api: "setHeader('Set-Cookie', …)",
    description:
      'Cookie strings written as raw `Set-Cookie` headers (`res.setHeader`, `res.set`, `writeHead`, `Headers`, header objects).',
    defaults: { httpOnly: 'off', secure: 'off' },
  },
  findSites(module) {
    if (!MENTION.test(module.text)) return [];
    const values: JsNode[] = [];
    for (const call of callsOf(module)) {
      const node = call.node;
      if (node.type !== 'CallExpression' && node.type !== 'OptionalCallExpression') continue;
      const callee = unwrap(node.callee);
      if (callee.type !== 'MemberExpression' && callee.type !== 'OptionalMemberExpression') continue;
      const args = node.arguments as JsNode[];
      if (args.length !== 2 || !HEADER_METHODS.has(calleeName(node) ?? '')) continue;
      if (!isSetCookie(args[0])) continue;
      values.push(args[1]);
    }
    for (const assignment of memberAssignmentsOf(module)) {
      const node = assignment.node;
      const target = unwrap(node.left);
      if (node.operator !== '=' || !target.computed || !isSetCookieName(memberPropertyName(target))) continue;
      values.push(node.right);
    }
    // `{ 'Set-Cookie': … }`: a header map, whichever call or constructor it is handed to; and
    // `new Headers([['Set-Cookie', …]])`: a name-value pair.
    forEachNode(module.ast.program, (node) => {
      if (node.type === 'ObjectProperty' && isSetCookieName(propertyKeyName(node))) {
        values.push(node.value);
      } else if (
        node.type === 'ArrayExpression' &&
        node.elements.length === 2 &&
        isSetCookie(node.elements[0])
      ) {
        values.push(node.elements[1]);
      }
    });

    const sites: CookieSite[] = [];
    for (const value of values) {
      const unwrapped = unwrap(value);
      const strings = unwrapped.type === 'ArrayExpression' ? (unwrapped.elements as JsNode[]) : [value];
      for (const string of strings) {
        if (!string || string.type === 'SpreadElement') continue;
        const site = siteOf(module, this.meta.id, string);
        if (site) sites.push(site);
      }
    }
    return sites;
  },
};

function isSetCookie(node: JsNode): boolean {
  return node ? isSetCookieName(stringValue(node)) : false;
}

function isSetCookieName(name: string | null): boolean {
  return name !== null && name.toLowerCase() === 'set-cookie';
}

/** One cookie string, or null when nothing of it is written here (built by a serializer elsewhere). */
function siteOf(module: JsModule, ruleId: string, value: JsNode): CookieSite | null {
  const pieces = piecesOf(value);
  const statics = pieces.map((piece) => ('text' in piece ? piece.text : '\0')).join('');
  if (!/[=;]/.test(statics)) return null;
  if (DELETION.test(statics)) return null;
  const name = cookieNameOf(pieces);
  const end = stringEnd(module, pieces);
  const node = unwrap(value);
  const flags = {
    httpOnly: attributeOf(module, pieces, 'httponly'),
    secure: attributeOf(module, pieces, 'secure'),
  };
  const site: CookieSite = {
    ruleId,
    file: module.file,
    offset: node.start,
    cookieNames: name ? [name] : [],
    flags,
    keys: KEYS,
    insertion: { container: end ?? unsplicable(module.file, node.start, node.end), nest: [] },
    usedAt: [],
    notes:
      !end && (flags.httpOnly.kind === 'absent' || flags.secure.kind === 'absent')
        ? ['The header value ends in an expression, so the missing attributes have to be appended by hand.']
        : [],
  };
  return site;
}
