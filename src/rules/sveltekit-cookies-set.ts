// SvelteKit: `cookies.set(name, value, { path, … })` on the request event (`event.cookies` or a
// destructured `{ cookies }`). HttpOnly and Secure default to true (Secure is dropped only on
// http://localhost), so only an explicit `false` is a finding.
import {
  calleeName,
  callsOf,
  memberPropertyName,
  stringValue,
  unwrap,
  type JsModule,
} from '../languages/javascript.js';
import type { CookieSite } from '../model.js';
import type { JsRule } from './rule.js';
import { isCall, isMember, namesOf, siteFromCall } from './js-site.js';

/** Files SvelteKit runs on the server with a request event. */
const SERVER_FILE = /(^|\/)(\+page\.server|\+layout\.server|\+server|hooks\.server)\.[cm]?[jt]s$/;

export const sveltekitCookiesSet: JsRule = {
  meta: {
    id: 'sveltekit-cookies-set',
    framework: 'sveltekit',
    language: 'javascript',
    api: 'cookies.set()',
    description:
      'SvelteKit `cookies.set(name, value, options)` in load functions, actions, endpoints and hooks.',
    defaults: { httpOnly: 'on', secure: 'on' },
    sameSiteByDefault: true,
  },
  findSites(module, { load }) {
    if (!isSvelteKitFile(module)) return [];
    const sites: CookieSite[] = [];
    for (const call of callsOf(module)) {
      const node = call.node;
      if (!isCall(node) || calleeName(node) !== 'set' || node.arguments.length !== 3) continue;
      const callee = unwrap(node.callee);
      if (!isMember(callee)) continue;
      const receiver = unwrap(callee.object);
      const isCookies =
        (receiver.type === 'Identifier' && receiver.name === 'cookies') ||
        (isMember(receiver) && memberPropertyName(receiver) === 'cookies');
      if (!isCookies) continue;
      const site = siteFromCall({
        ruleId: this.meta.id,
        module,
        call,
        optionsIndex: 2,
        keys: { httpOnly: 'httpOnly', secure: 'secure' },
        cookieNames: namesOf(stringValue(node.arguments[0])),
        load,
      });
      if (site) sites.push(site);
    }
    return sites;
  },
};

/** A route / hooks file, or one importing SvelteKit's types or modules (`./$types`, '@sveltejs/kit'). */
function isSvelteKitFile(module: JsModule): boolean {
  if (SERVER_FILE.test(module.file)) return true;
  for (const binding of module.imports.values()) {
    if (binding.source === '@sveltejs/kit' || binding.source.endsWith('/$types')) return true;
  }
  return false;
}
