// hono-sessions: `sessionMiddleware({ store, cookieOptions, sessionCookieName })`. The options are handed
// unchanged to Hono's `setCookie`, which sets only `path`, so HttpOnly and Secure are off unless written
// (checked in jcs224/hono_sessions src/Middleware.ts). A call without `cookieOptions` gets one.
import { calleeImport, callsOf, stringValue } from '../languages/javascript.js';
import type { CookieSite } from '../model.js';
import type { JsRule } from './rule.js';
import { isCall, namesOf, optionString, siteFromCall } from './js-site.js';

/** The package on npm and its Deno / JSR spellings. */
const SOURCES =
  /^((npm:)?hono-sessions(@[^/]+)?|jsr:@jcs224\/hono-sessions(@[^/]+)?|https:\/\/deno\.land\/x\/hono_sessions(@[^/]+)?\/mod\.ts)$/;

export const honoSessionsMiddleware: JsRule = {
  meta: {
    id: 'hono-sessions-middleware',
    framework: 'hono-sessions',
    language: 'javascript',
    api: 'sessionMiddleware({ cookieOptions })',
    description: 'The session cookie options of hono-sessions (`sessionMiddleware({ cookieOptions })`).',
    defaults: { httpOnly: 'off', secure: 'off' },
    mentions: ['hono-sessions', 'hono_sessions'],
  },
  findSites(module, { load }) {
    const sites: CookieSite[] = [];
    for (const call of callsOf(module)) {
      const node = call.node;
      if (!isCall(node)) continue;
      const binding = calleeImport(module, node);
      if (!binding || binding.imported !== 'sessionMiddleware' || !SOURCES.test(binding.source)) continue;
      if (node.arguments.length !== 1) continue;
      const options = node.arguments[0];
      const name = optionString(module, options, call.get('arguments', 0), 'sessionCookieName', load);
      const site = siteFromCall({
        ruleId: this.meta.id,
        module,
        call,
        optionsIndex: 0,
        keys: { httpOnly: 'httpOnly', secure: 'secure' },
        cookieNames: namesOf(name, ['session']),
        kind: 'session',
        nestedUnder: 'cookieOptions',
        load,
        refine(view, flags) {
          // Hono writes Secure itself for a `__Secure-` / `__Host-` prefix.
          const writer = view?.keys.get('prefix');
          if (!writer || writer === 'unknown') return;
          const prefix = stringValue(writer.value);
          if ((prefix === 'secure' || prefix === 'host') && flags.secure.kind !== 'true') {
            flags.secure = { kind: 'true', span: { start: writer.value.start, end: writer.value.end } };
          }
        },
      });
      if (site) sites.push(site);
    }
    return sites;
  },
};
