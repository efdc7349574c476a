// `document.cookie = "name=value; path=/"` in browser code. HttpOnly cannot be set from script; Secure is
// missing unless the string says `; Secure`. When the string ends in literal text, `; Secure` is appended
// inside it; when it ends in an expression, the missing Secure is reported with the text to append.
import { memberAssignmentsOf, memberPropertyName, unwrap, type JsNode } from '../languages/javascript.js';
import type { CookieSite } from '../model.js';
import { CLIENT_KEYS, clientSite, unsplicable } from './client-common.js';
import {
  attributeOf,
  cookieNameOf,
  deletesCookie,
  piecesOf,
  staticText,
  stringEnd,
} from './cookie-string-common.js';
import type { JsRule } from './rule.js';

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
      if (deletesCookie(staticText(pieces))) continue;
      const name = cookieNameOf(pieces);
      const secure = attributeOf(module, pieces, 'secure');
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

function isDocumentCookie(node: JsNode): boolean {
  if (node.type !== 'MemberExpression' || memberPropertyName(node) !== 'cookie') return false;
  const owner = unwrap(node.object);
  if (owner.type === 'Identifier') return owner.name === 'document';
  return owner.type === 'MemberExpression' && memberPropertyName(owner) === 'document';
}
