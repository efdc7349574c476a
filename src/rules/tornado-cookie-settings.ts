// A `cookie_settings`-style dict in a Tornado project that no cookie call splats. Tornado has no
// `cookie_settings` application setting: such a dict protects nothing unless the project's own code passes it
// to set_cookie / set_signed_cookie. Fixing the dict alone would be a false fix, so the calls are fixed
// (by tornado-set-cookie) and this rule says why the dict was left alone.
import type { SyntaxNode } from '@lezer/common';
import {
  argumentsOf,
  callParts,
  callsOf,
  dictEntriesOf,
  dottedName,
  type PyModule,
} from '../languages/python.js';
import { resolvePyExpression, type PyResolveContext } from '../languages/py-options.js';
import type { CookieSite } from '../model.js';
import type { PyRule } from './rule.js';
import { TORNADO_COOKIE_METHODS, tornadoKey } from './tornado-common.js';
import { isTornadoProject } from './tornado-set-cookie.js';

const SETTINGS_NAME = /cookie_?(settings|options|opts|kwargs|args|params|config|flags|attrs)$/i;
const COOKIE_KEYS = new Set([
  'secure',
  'httponly',
  'samesite',
  'expires',
  'expires_days',
  'domain',
  'path',
  'max_age',
]);

export const tornadoCookieSettings: PyRule = {
  meta: {
    id: 'tornado-cookie-settings',
    framework: 'tornado',
    language: 'python',
    api: 'cookie_settings = {…}',
    description:
      'Cookie option dicts in Tornado projects that no set_cookie / set_signed_cookie call splats (they have no effect).',
    defaults: { httpOnly: 'off', secure: 'off' },
  },
  findSites(module, context) {
    if (!isTornadoProject(context.project)) return [];
    const sites: CookieSite[] = [];
    for (const [name, value] of module.assignments) {
      if (!SETTINGS_NAME.test(name) || value.name !== 'DictionaryExpression') continue;
      const keys = dictEntriesOf(module, value).map((entry) =>
        entry.key === null ? '' : tornadoKey(entry.key),
      );
      if (!keys.some((key) => COOKIE_KEYS.has(key))) continue;
      if (isSplattedIntoCookieCall(module, value, context)) continue;
      const site: CookieSite = {
        ruleId: this.meta.id,
        file: module.file,
        offset: value.from,
        cookieNames: [],
        flags: { httpOnly: { kind: 'absent' }, secure: { kind: 'absent' } },
        keys: { httpOnly: 'httponly', secure: 'secure' },
        insertion: null,
        usedAt: [],
        notes: [],
        advisory:
          `\`${name}\` is never passed to a cookie call: Tornado has no \`${name}\` setting and reads cookie ` +
          'flags only from each set_cookie / set_signed_cookie call, so this dict changes nothing on its own. ' +
          'The calls themselves were checked instead.',
      };
      sites.push(site);
    }
    return sites;
  },
};

function isSplattedIntoCookieCall(owner: PyModule, dict: SyntaxNode, context: PyResolveContext): boolean {
  for (const module of context.project) {
    for (const call of callsOf(module)) {
      const parts = callParts(call);
      const method = parts ? dottedName(module, parts.callee)?.at(-1) : undefined;
      if (!parts || !method || !TORNADO_COOKIE_METHODS.has(method)) continue;
      for (const argument of argumentsOf(module, parts.argList)) {
        if (argument.kind !== 'doublestar') continue;
        const resolved = resolvePyExpression(module, argument.value, context);
        if (!('unknown' in resolved) && resolved.module === owner && resolved.node.from === dict.from)
          return true;
      }
    }
  }
  return false;
}
