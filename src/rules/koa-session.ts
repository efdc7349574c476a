// koa-session: `session(options, app)` with flat options (`key`, `httpOnly`, `secure`, …). They reach
// `ctx.cookies.set`, so HttpOnly is on by default and Secure follows the request; only `false` is a finding.
import { calleeImport, callsOf, unwrap } from '../languages/javascript.js';
import type { CookieSite } from '../model.js';
import type { JsRule } from './rule.js';
import { namesOf, optionString, siteFromCall } from './js-site.js';

export const koaSession: JsRule = {
  meta: {
    id: 'koa-session',
    framework: 'koa-session',
    language: 'javascript',
    api: 'session({ … }, app)',
    description: 'The flat cookie options of koa-session (`httpOnly`, `secure` next to `key` and `maxAge`).',
    defaults: { httpOnly: 'on', secure: 'auto' },
    mentions: ['koa-session'],
    neverAddSecure: true,
  },
  findSites(module, { load }) {
    const sites: CookieSite[] = [];
    for (const call of callsOf(module)) {
      const node = call.node;
      if (node.type !== 'CallExpression') continue;
      if (calleeImport(module, node)?.source !== 'koa-session') continue;
      // The old signature is `session(app, options)`: the app is the argument named like one.
      const first = unwrap(node.arguments[0]);
      const legacy = first?.type === 'Identifier' && /^app$/i.test(first.name);
      const optionsIndex = legacy ? 1 : 0;
      const options = node.arguments[optionsIndex];
      const name = optionString(
        module,
        options,
        options ? call.get('arguments', optionsIndex) : null,
        'key',
        load,
      );
      const site = siteFromCall({
        ruleId: this.meta.id,
        module,
        call,
        optionsIndex,
        keys: { httpOnly: 'httpOnly', secure: 'secure' },
        cookieNames: namesOf(name, ['koa.sess']),
        kind: 'session',
        load,
      });
      if (site) sites.push(site);
    }
    return sites;
  },
};
