// @fastify/secure-session: `register(secureSession, { key, cookie: { … } })` (or `cookieOptions`, which
// wins when both are given). HttpOnly is on by default; Secure is not, unless @fastify/cookie's
// `parseOptions` supply it, since the session cookie is written through `reply.setCookie`.
import type { CookieSite } from '../model.js';
import { readFlag, readOptions } from '../languages/js-options.js';
import { cookieRegistrationFor, registrationsOf } from './fastify-common.js';
import type { JsRule } from './rule.js';
import { namesOf, optionString, siteFromCall } from './js-site.js';

const SECURE_SESSION_PLUGINS = new Set(['@fastify/secure-session', 'fastify-secure-session']);

export const fastifySecureSession: JsRule = {
  meta: {
    id: 'fastify-secure-session',
    framework: 'fastify-secure-session',
    language: 'javascript',
    api: 'register(secureSession, { cookie })',
    description: 'The cookie options of @fastify/secure-session (`cookie` / `cookieOptions`).',
    defaults: { httpOnly: 'on', secure: 'off' },
    sameSiteByDefault: true,
    mentions: ['@fastify/secure-session', 'secure-session'],
  },
  findSites(module, { load }) {
    const sites: CookieSite[] = [];
    for (const call of registrationsOf(module, SECURE_SESSION_PLUGINS)) {
      const options = call.node.arguments[1];
      const path = options ? call.get('arguments', 1) : null;
      const view = options ? readOptions(module, options, path, { load }) : null;
      const nestedUnder =
        view && !('unknown' in view) && view.keys.has('cookieOptions') ? 'cookieOptions' : 'cookie';
      const site = siteFromCall({
        ruleId: this.meta.id,
        module,
        call,
        optionsIndex: 1,
        keys: { httpOnly: 'httpOnly', secure: 'secure' },
        cookieNames: namesOf(optionString(module, options, path, 'cookieName', load), ['session']),
        kind: 'session',
        trueStrings: ['auto'],
        nestedUnder,
        load,
      });
      if (!site) continue;
      if (site.flags.secure.kind === 'absent') {
        const parse = cookieRegistrationFor(module, load)?.parseOptions;
        if (parse && !('unknown' in parse)) {
          const inherited = readFlag(parse, 'secure', ['auto']);
          if (inherited.kind !== 'absent') site.flags = { ...site.flags, secure: inherited };
        }
      }
      sites.push(site);
    }
    return sites;
  },
};
