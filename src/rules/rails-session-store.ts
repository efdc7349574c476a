// Rails' session cookie: `config.session_store :cookie_store, key: …, httponly: …, secure: …` (any store but
// `:disabled` sets a session cookie with these options). The options go to rack-session, where HttpOnly is on
// and Secure off unless given; `config.force_ssl = true` makes Rails mark every cookie Secure, which the
// evidence index reads (evidence/forced-secure.ts). A development or test environment file is not judged: it
// leaves Secure off for plain-HTTP runs on purpose.
import { methodName, nodesOfType, receiverText, stringValue } from '../languages/ruby/parse.js';
import type { CookieSite } from '../model.js';
import { argumentName, callArguments, hashOptions } from './ruby-cookie-common.js';
import type { RubyRule } from './rule.js';

const DEVELOPMENT_ENVIRONMENT = /(?:^|\/)config\/environments\/(?:development|test)\.rb$/;

export const railsSessionStore: RubyRule = {
  meta: {
    id: 'rails-session-store',
    framework: 'rails-session',
    language: 'ruby',
    api: 'config.session_store',
    description:
      "Rails' session cookie options in config.session_store (HttpOnly on by default, Secure off).",
    defaults: { httpOnly: 'on', secure: 'off' },
    // `force_ssl` too: the production settings that make the cookie Secure are read with the rules' files.
    mentions: ['session_store', 'force_ssl'],
  },
  findSites(module) {
    if (DEVELOPMENT_ENVIRONMENT.test(module.file)) return [];
    const sites: CookieSite[] = [];
    for (const call of nodesOfType(module, ['call'])) {
      if (methodName(module, call) !== 'session_store') continue;
      const receiver = receiverText(module, call);
      // `config` inside the application class or a `configure` block, or `Rails.application.config`.
      if (!/(?:^|\.)config$/.test(receiver)) continue;
      if (!receiver.startsWith('Rails.') && !/(?:^|\/)config\//.test(module.file)) continue;
      const { list, items } = callArguments(call);
      const store = argumentName(module, items[0]);
      if (!list || items.length === 0 || store === 'disabled') continue;
      const hash = items[1]?.type === 'hash' && items.length === 2 ? items[1] : null;
      const options = hashOptions(module, hash ?? list, false);
      const key = options.pairs.get('key');
      sites.push({
        ruleId: 'rails-session-store',
        file: module.file,
        offset: call.startIndex,
        cookieNames: stringValue(module, key) === null ? [] : [stringValue(module, key)!],
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
