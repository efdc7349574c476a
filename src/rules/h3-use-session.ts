// h3 sessions: `useSession(event, { password, name, cookie: { … } })` and the helpers sharing that config
// (`getSession`, `updateSession`, `sealSession`, `clearSession`). The session cookie defaults to HttpOnly
// and Secure, so only an explicit `false` is a finding.
import { callsOf } from '../languages/javascript.js';
import type { CookieSite } from '../model.js';
import { callsH3, callsH3Wrapper } from './h3-common.js';
import type { JsRule } from './rule.js';
import { namesOf, optionString, siteFromCall } from './js-site.js';

const SESSION_FUNCTIONS = ['useSession', 'getSession', 'updateSession', 'sealSession', 'clearSession'];

export const h3UseSession: JsRule = {
  meta: {
    id: 'h3-use-session',
    framework: 'h3',
    language: 'javascript',
    api: 'useSession(event, { cookie })',
    description: 'The session cookie options of h3 `useSession(event, config)` and its sibling helpers.',
    defaults: { httpOnly: 'on', secure: 'on' },
    mentions: ['useSession'],
  },
  findSites(module, { load }) {
    const sites: CookieSite[] = [];
    for (const call of callsOf(module)) {
      const found = callsH3(module, call, SESSION_FUNCTIONS);
      if (!found) continue;
      // updateSession(event, config, update): the config is the second argument, or the first when
      // SolidStart takes the event from the request (`useSession({ password })`).
      const args = call.node.arguments;
      const index = callsH3Wrapper(module, call) && args[0]?.type === 'ObjectExpression' ? 0 : 1;
      const options = args[index];
      if (!options) continue;
      const path = call.get('arguments', index);
      const site = siteFromCall({
        ruleId: this.meta.id,
        module,
        call,
        optionsIndex: index,
        keys: { httpOnly: 'httpOnly', secure: 'secure' },
        cookieNames: namesOf(optionString(module, options, path, 'name', load), ['h3']),
        kind: 'session',
        nestedUnder: 'cookie',
        load,
      });
      if (site) sites.push(site);
    }
    return sites;
  },
};
