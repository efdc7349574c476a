// @fastify/session: `fastify.register(fastifySession, { secret, cookie: { … } })`. Its cookie is HttpOnly
// and Secure unless told otherwise (`secure: 'auto'` follows the protocol), so only `false` is a finding.
import type { CookieSite } from '../model.js';
import { registrationsOf } from './fastify-common.js';
import type { JsRule } from './rule.js';
import { namesOf, optionString, siteFromCall } from './js-site.js';

const SESSION_PLUGINS = new Set(['@fastify/session', 'fastify-session']);

export const fastifySession: JsRule = {
  meta: {
    id: 'fastify-session',
    framework: 'fastify-session',
    language: 'javascript',
    api: 'register(fastifySession, { cookie })',
    description: 'The session cookie options of @fastify/session (`cookie: { secure, httpOnly }`).',
    defaults: { httpOnly: 'on', secure: 'on' },
    mentions: ['@fastify/session', 'fastify-session'],
  },
  findSites(module, { load }) {
    const sites: CookieSite[] = [];
    for (const call of registrationsOf(module, SESSION_PLUGINS)) {
      const options = call.node.arguments[1];
      const path = options ? call.get('arguments', 1) : null;
      const name = optionString(module, options, path, 'cookieName', load);
      const site = siteFromCall({
        ruleId: this.meta.id,
        module,
        call,
        optionsIndex: 1,
        keys: { httpOnly: 'httpOnly', secure: 'secure' },
        cookieNames: namesOf(name, ['sessionId']),
        kind: 'session',
        trueStrings: ['auto'],
        nestedUnder: 'cookie',
        load,
      });
      if (site) sites.push(site);
    }
    return sites;
  },
};
