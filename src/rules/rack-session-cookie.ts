// Rack's session middleware: `use Rack::Session::Cookie, key: …, secret: …, secure: …` (in config.ru, a Sinatra
// app or `config.middleware.use` in Rails). rack-session's defaults are HttpOnly on and Secure off. The
// constant names the middleware, so the call is Rack's wherever it is written.
import { methodName, nodesOfType, stringValue, textOf } from '../languages/ruby/parse.js';
import type { CookieSite } from '../model.js';
import { callArguments, hashOptions } from './ruby-cookie-common.js';
import type { RubyRule } from './rule.js';

const SESSION_MIDDLEWARE = /^(?:::)?Rack::Session::(?:Cookie|Pool)$/;

export const rackSessionCookie: RubyRule = {
  meta: {
    id: 'rack-session-cookie',
    framework: 'rack-session',
    language: 'ruby',
    api: 'use Rack::Session::Cookie',
    description: "rack-session's session cookie middleware options (HttpOnly on by default, Secure off).",
    defaults: { httpOnly: 'on', secure: 'off' },
    mentions: ['Session::Cookie', 'Session::Pool'],
  },
  findSites(module) {
    const sites: CookieSite[] = [];
    for (const call of nodesOfType(module, ['call'])) {
      const method = methodName(module, call);
      if (method !== 'use' && method !== 'insert_before' && method !== 'insert_after') continue;
      const { list, items } = callArguments(call);
      const at = items.findIndex((item) => SESSION_MIDDLEWARE.test(textOf(module, item)));
      // `use` takes the middleware first; Rails' `insert_before` / `insert_after` take it second.
      if (!list || at === -1 || at !== (method === 'use' ? 0 : 1)) continue;
      const rest = items.slice(at + 1);
      const hash = rest.length === 1 && rest[0]!.type === 'hash' ? rest[0]! : list;
      const options = hashOptions(module, hash, false);
      const key = stringValue(module, options.pairs.get('key'));
      sites.push({
        ruleId: 'rack-session-cookie',
        file: module.file,
        offset: call.startIndex,
        cookieNames: key === null ? [] : [key],
        kind: 'session',
        flags: options.flags,
        keys: options.keys,
        insertion: options.insertion,
        usedAt: [],
        notes: options.notes,
      });
    }
    return sites;
  },
};
