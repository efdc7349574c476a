// Litestar cookies: `Cookie(key, path="/", value=None, max_age, expires, domain, secure=None, httponly=None,
// samesite="lax", …)` objects (in `response_cookies=[…]` on the app, a router or a handler, or in
// `Response(cookies=[…])`), and `response.set_cookie(key, value=None, max_age, expires, path, domain,
// secure=False, httponly=False, samesite="lax")`, which builds the same object. Attributes left at None are not
// written, so only SameSite=Lax is on unless the flags are passed.
//
// `set_cookie(Cookie(...))` ignores its other arguments: the Cookie is the site. A Cookie declared with
// `documentation_only=True` only documents a cookie for OpenAPI and is never sent.
import type { SyntaxNode } from '@lezer/common';
import {
  argumentsOf,
  callParts,
  callsOf,
  dottedName,
  evaluatePyFlag,
  stringLiteral,
  textOf,
  type PyModule,
} from '../languages/python.js';
import type { CookieSite } from '../model.js';
import {
  behindStarArguments,
  importedFrom,
  isPyCookieDeletion,
  keywordCallSite,
  withheld,
} from './py-call-site-common.js';
import { owningFramework } from './py-framework-common.js';
import { findSetCookieSites } from './response-set-cookie-common.js';
import type { PyRule, PyRuleContext } from './rule.js';

const ID = 'litestar-set-cookie';

/** The dataclass's fields, in order (positional construction follows them). */
const COOKIE_FIELDS = [
  'key',
  'path',
  'value',
  'max_age',
  'expires',
  'domain',
  'secure',
  'httponly',
  'samesite',
  'description',
  'documentation_only',
  'partitioned',
];

export const litestarSetCookie: PyRule = {
  meta: {
    id: ID,
    framework: 'litestar',
    language: 'python',
    api: 'Cookie() / Response.set_cookie()',
    description:
      'Litestar `Cookie(...)` objects (`response_cookies=[...]`, `Response(cookies=[...])`) and `response.set_cookie(...)` calls.',
    defaults: { httpOnly: 'off', secure: 'off' },
    sameSiteByDefault: true,
  },
  findSites(module, context) {
    const calls = findSetCookieSites(module, context, {
      ruleId: ID,
      framework: 'litestar',
      methods: new Set(['set_cookie']),
      positionalFlags: true,
    }).filter((site) => site.valueText !== undefined);
    return [...calls, ...cookieObjectSites(module, context)];
  },
};

function cookieObjectSites(module: PyModule, context: PyRuleContext): CookieSite[] {
  if (!module.text.includes('Cookie(') || owningFramework(module, context.project) !== 'litestar') return [];
  const sites: CookieSite[] = [];
  for (const call of callsOf(module)) {
    const parts = callParts(call);
    if (!parts || !isLitestarCookie(module, parts.callee)) continue;
    const args = argumentsOf(module, parts.argList);
    const positional = args.filter((argument) => argument.kind === 'positional');
    if (positional.length > COOKIE_FIELDS.length) continue;
    const field = (name: string): SyntaxNode | undefined =>
      args.find((argument) => argument.kind === 'keyword' && argument.name === name)?.value ??
      positional[COOKIE_FIELDS.indexOf(name)]?.value;
    const documentation = field('documentation_only');
    if (documentation && evaluatePyFlag(module, documentation).kind !== 'false') continue;
    const value = field('value');
    // No value is an empty cookie: Litestar writes `key=""`, which clears it.
    if (!value || isPyCookieDeletion(module, value, field)) continue;
    const nameNode = field('key');
    const name = nameNode ? stringLiteral(module, nameNode) : null;
    const site = keywordCallSite(module, call, parts.argList, context, {
      ruleId: ID,
      keys: { httpOnly: 'httponly', secure: 'secure' },
      cookieNames: name === null ? [] : [name],
    });
    site.valueText = textOf(module, value);
    if (positional[6]) site.flags.secure = evaluatePyFlag(module, positional[6].value);
    if (positional[7]) site.flags.httpOnly = evaluatePyFlag(module, positional[7].value);
    const unknown = args.find(
      (argument) => argument.kind === 'keyword' && !COOKIE_FIELDS.includes(argument.name ?? ''),
    );
    if (unknown)
      withheld(site, `Litestar's \`Cookie\` has no \`${unknown.name}\` field, so this may be another class`);
    const star = args.find((argument) => argument.kind === 'star');
    if (star) behindStarArguments(site, module, star.value);
    sites.push(site);
  }
  return sites;
}

/** `Cookie(...)` imported from Litestar, or `datastructures.Cookie(...)` on a module imported from it. */
function isLitestarCookie(module: PyModule, callee: SyntaxNode): boolean {
  const name = dottedName(module, callee);
  if (!name || name.at(-1) !== 'Cookie') return false;
  return importedFrom(module, name[0]!, ['litestar']);
}
