// aiohttp-session storages (`EncryptedCookieStorage`, `NaclCookieStorage`, `SimpleCookieStorage`,
// `RedisStorage`, `MemcachedStorage`): keyword-only cookie options with `httponly=True` and `secure=None`
// (off) by default, so only Secure is added; an explicit `httponly=False` is flipped.
import { argumentsOf, callParts, callsOf, dottedName, stringLiteral } from '../languages/python.js';
import type { CookieSite } from '../model.js';
import { importedFrom, keywordCallSite } from './py-call-site-common.js';
import type { PyRule } from './rule.js';

const STORAGES = new Set([
  'EncryptedCookieStorage',
  'NaclCookieStorage',
  'SimpleCookieStorage',
  'RedisStorage',
  'MemcachedStorage',
]);
const PACKAGES = ['aiohttp_session'];

export const aiohttpSessionStorage: PyRule = {
  meta: {
    id: 'aiohttp-session-storage',
    framework: 'aiohttp-session',
    language: 'python',
    api: 'EncryptedCookieStorage(…) and the other session storages',
    description: 'Cookie options of aiohttp-session storages (`secure` has no default, so it is off).',
    defaults: { httpOnly: 'on', secure: 'off' },
    mentions: ['aiohttp_session'],
  },
  findSites(module, context) {
    if (!module.text.includes('aiohttp_session')) return [];
    const sites: CookieSite[] = [];
    for (const call of callsOf(module)) {
      const parts = callParts(call);
      const callee = parts ? dottedName(module, parts.callee) : null;
      const name = callee?.at(-1);
      if (!parts || !callee || !name || !STORAGES.has(name)) continue;
      // `EncryptedCookieStorage` imported from aiohttp_session, or `cookie_storage.EncryptedCookieStorage`
      if (!importedFrom(module, callee[0]!, PACKAGES)) continue;
      const cookieArgument = argumentsOf(module, parts.argList).find(
        (a) => a.kind === 'keyword' && a.name === 'cookie_name',
      );
      const cookieName = cookieArgument ? stringLiteral(module, cookieArgument.value) : 'AIOHTTP_SESSION';
      sites.push(
        keywordCallSite(module, call, parts.argList, context, {
          ruleId: this.meta.id,
          keys: { httpOnly: 'httponly', secure: 'secure' },
          kind: 'session',
          cookieNames: cookieName === null ? [] : [cookieName],
        }),
      );
    }
    return sites;
  },
};
