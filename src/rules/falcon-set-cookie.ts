// Falcon `resp.set_cookie(name, value, expires, max_age, domain, path, secure=None, http_only=True, …)`:
// HttpOnly is on unless `http_only` is falsy, and a `secure` left out (or passed as `None`) takes
// `resp_options.secure_cookies_by_default`, which Falcon sets to True. So only a value that turns a flag off is
// a finding here; an app that sets `secure_cookies_by_default = False` is reported where it does so.
import type { SyntaxNode } from '@lezer/common';
import {
  assignedValue,
  branchConditions,
  classifyPyCondition,
  dottedName,
  evaluatePyFlag,
  type PyModule,
} from '../languages/python.js';
import type { CookieSite } from '../model.js';
import { owningFramework } from './py-framework-common.js';
import type { PyRule } from './rule.js';
import { findSetCookieSites } from './response-set-cookie-common.js';

export const falconSetCookie: PyRule = {
  meta: {
    id: 'falcon-set-cookie',
    framework: 'falcon',
    language: 'python',
    api: 'resp.set_cookie()',
    description:
      'Falcon `resp.set_cookie(...)` calls that turn `http_only` or `secure` off, and `secure_cookies_by_default = False`.',
    defaults: { httpOnly: 'on', secure: 'on' },
  },
  findSites(module, context) {
    const sites = findSetCookieSites(module, context, {
      ruleId: this.meta.id,
      framework: 'falcon',
      methods: new Set(['set_cookie']),
      positionalFlags: true,
      keys: { httpOnly: 'http_only', secure: 'secure' },
      positions: { expires: 2, max_age: 3 },
    });
    for (const site of sites) {
      const secure = site.flags.secure;
      // `secure=None` is Falcon's own default: it defers to `secure_cookies_by_default`.
      if (secure.kind === 'false' && secure.file === module.file && !secure.via) {
        if (module.text.slice(secure.span.start, secure.span.end) === 'None')
          site.flags.secure = { kind: 'absent' };
      }
    }
    if (
      module.text.includes('secure_cookies_by_default') &&
      owningFramework(module, context.project) === 'falcon'
    )
      sites.push(...secureByDefaultSites(module, this.meta.id));
    return sites;
  },
};

/** `app.resp_options.secure_cookies_by_default = False` outside a development-only branch. */
function secureByDefaultSites(module: PyModule, ruleId: string): CookieSite[] {
  const sites: CookieSite[] = [];
  module.tree.iterate({
    enter(ref) {
      if (ref.name !== 'AssignStatement') return;
      const target = ref.node.firstChild;
      const value = assignedValue(ref.node);
      const name = target ? dottedName(module, target) : null;
      if (!value || !name || name.at(-1) !== 'secure_cookies_by_default' || name.at(-2) !== 'resp_options')
        return false;
      const flag = evaluatePyFlag(module, value);
      if (flag.kind === 'true' || developmentBranch(module, ref.node)) return false;
      if (flag.kind === 'conditional' && flag.devOnly) return false;
      sites.push({
        ruleId,
        file: module.file,
        offset: ref.node.from,
        cookieNames: [],
        flags: { httpOnly: { kind: 'absent' }, secure: flag },
        keys: { httpOnly: null, secure: 'secure_cookies_by_default' },
        insertion: null,
        usedAt: [],
        notes: [
          'This option decides Secure for every `resp.set_cookie` call of the app that does not pass `secure` itself.',
        ],
      });
      return false;
    },
  });
  return sites;
}

/** The statement sits under `if DEBUG:` (or a test the same way): a development server on plain HTTP. */
function developmentBranch(module: PyModule, node: SyntaxNode): boolean {
  const innermost = branchConditions(node)[0];
  return Boolean(innermost) && classifyPyCondition(module, innermost!) === 'development';
}
