// Sinatra's session cookie: `enable :sessions`, or `set :sessions, httponly: …, secure: …` (a hash merged into
// the options of Rack::Session::Cookie, where HttpOnly is on and Secure off unless given). Only inside a
// Sinatra application (a class built on Sinatra::Base, or a classic app that requires 'sinatra').
// `enable :sessions` and `set :sessions, true` take no options, so Secure is left to a person there.
import { methodName, nodesOfType, textOf } from '../languages/ruby/parse.js';
import { inSinatraApp } from '../languages/ruby/app-context.js';
import type { CookieSite } from '../model.js';
import { argumentName, callArguments, hashOptions, unknownOptions } from './ruby-cookie-common.js';
import type { RubyRule } from './rule.js';

const KEYS = { httpOnly: 'httponly', secure: 'secure' };

export const sinatraSessions: RubyRule = {
  meta: {
    id: 'sinatra-sessions',
    framework: 'sinatra',
    language: 'ruby',
    api: 'set :sessions',
    description: "Sinatra's session cookie: enable :sessions or set :sessions with an options hash.",
    defaults: { httpOnly: 'on', secure: 'off' },
    mentions: [':sessions'],
  },
  findSites(module) {
    const sites: CookieSite[] = [];
    for (const call of nodesOfType(module, ['call'])) {
      const method = methodName(module, call);
      if ((method !== 'set' && method !== 'enable') || call.childForFieldName('receiver')) continue;
      const { list, items } = callArguments(call);
      if (!list || argumentName(module, items[0]) !== 'sessions' || !inSinatraApp(module, call)) continue;
      const base = {
        ruleId: 'sinatra-sessions',
        file: module.file,
        offset: call.startIndex,
        cookieNames: [] as string[],
        kind: 'session' as const,
        usedAt: [],
      };
      const value = items[1];
      if (method === 'enable' || value?.type === 'true') {
        sites.push({
          ...base,
          flags: { httpOnly: { kind: 'absent' }, secure: { kind: 'absent' } },
          keys: { ...KEYS },
          insertion: null,
          notes: [
            `\`${textOf(module, call)}\` takes no options: write \`set :sessions, secure: true\` (with the other options the app needs) to set them.`,
          ],
        });
        continue;
      }
      if (!value || value.type === 'false' || value.type === 'nil') continue;
      const hash = value.type === 'hash' && items.length === 2 ? value : value.type === 'pair' ? list : null;
      if (!hash) {
        sites.push({ ...base, ...unknownOptions(module, value) });
        continue;
      }
      const options = hashOptions(module, hash, false);
      const key = options.pairs.get('key');
      const name = key?.type === 'string' ? textOf(module, key).slice(1, -1) : null;
      sites.push({
        ...base,
        cookieNames: name && !/[#\\]/.test(name) ? [name] : [],
        flags: options.flags,
        keys: options.keys,
        insertion: options.insertion,
        notes: options.notes,
      });
    }
    return sites;
  },
};
