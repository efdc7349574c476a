// Sanic's older cookie style: `response.cookies[name] = value`, then `response.cookies[name]["httponly"] = True`
// and `["secure"] = True`. A cookie made this way carries no flag until one is assigned (before 23.3 there was
// nothing else; from 23.3 the jar adds it with `secure=False, samesite=None` and warns that the style is
// deprecated; 24.12 removed it). The jar's cookies are dicts written like `http.cookies` morsels, so the
// shared morsel reader reads them; missing flags are added as more assignments in the same style.
import type { SyntaxNode } from '@lezer/common';
import { receiverClass } from '../languages/py-classes.js';
import { dottedName, type PyModule } from '../languages/python.js';
import { findMorselSites } from './py-morsel-common.js';
import { owningFramework } from './py-framework-common.js';
import type { PyRule, PyRuleContext } from './rule.js';

const NOTES = [
  'Sanic deprecated this style in 23.3 and removed it in 24.12; on newer versions use `response.add_cookie(name, value, httponly=True)`, which is Secure by default.',
];

export const sanicCookiesDict: PyRule = {
  meta: {
    id: 'sanic-cookies-dict',
    framework: 'sanic',
    language: 'python',
    api: 'response.cookies[name] = value',
    description:
      'Sanic cookies set the older way, `response.cookies[name] = value` with flags as `response.cookies[name]["secure"] = True`.',
    defaults: { httpOnly: 'off', secure: 'off' },
  },
  findSites(module, context) {
    if (!module.text.includes('.cookies[') || owningFramework(module, context.project) !== 'sanic') return [];
    return findMorselSites(module, {
      ruleId: this.meta.id,
      isJar: (jarModule, expression) => isResponseJar(jarModule, expression, context),
      notes: NOTES,
      defaultQuote: '"',
      rewriteStartsAnew: true,
    });
  },
};

/**
 * `response.cookies`: a one-name receiver that is a Sanic response. A request's cookies are read, not sent;
 * `self.cookies` is a class of the project's own.
 */
function isResponseJar(module: PyModule, expression: SyntaxNode, context: PyRuleContext): boolean {
  const jar = dottedName(module, expression);
  if (!jar || jar.length !== 2 || jar[1] !== 'cookies') return false;
  const owner = jar[0]!;
  if (/^(?:req|request|self|cls)$/.test(owner)) return false;
  return isSanicResponse(module, expression, owner, context);
}

/**
 * The receiver is a Sanic response: not a local built from (or annotated with) a class of the project's own or
 * of another library (`jar = MyCookies()`).
 */
function isSanicResponse(
  module: PyModule,
  at: SyntaxNode,
  receiver: string,
  context: PyRuleContext,
): boolean {
  const resolved = receiverClass(module, at, receiver, context.load);
  if (!resolved) return true;
  if (resolved.kind === 'class') return false;
  return resolved.kind !== 'external' || resolved.name.split('.')[0] === 'sanic';
}
