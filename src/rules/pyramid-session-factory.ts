// Pyramid's cookie sessions, `SignedCookieSessionFactory(secret, cookie_name='session', max_age, path, domain,
// secure=False, httponly=False, samesite='Lax', …)` and `BaseCookieSessionFactory(serializer, …)` with the same
// cookie arguments: the session cookie is neither HttpOnly nor Secure unless the call says so.
import { findFactorySites, type FactorySignature } from './pyramid-common.js';
import type { PyRule } from './rule.js';

const COOKIE_SESSION: FactorySignature = {
  positions: { cookieName: 1, secure: 5, httpOnly: 6 },
  defaultName: 'session',
};

export const pyramidSessionFactory: PyRule = {
  meta: {
    id: 'pyramid-session-factory',
    framework: 'pyramid',
    language: 'python',
    api: 'SignedCookieSessionFactory()',
    description:
      'Pyramid cookie session factories (`SignedCookieSessionFactory`, `BaseCookieSessionFactory`): `secure` and `httponly` default to off.',
    defaults: { httpOnly: 'off', secure: 'off' },
    sameSiteByDefault: true,
    mentions: ['SessionFactory'],
  },
  findSites(module, context) {
    if (!module.text.includes('SessionFactory')) return [];
    return findFactorySites(module, context, {
      ruleId: this.meta.id,
      keys: { httpOnly: 'httponly', secure: 'secure' },
      constructors: {
        SignedCookieSessionFactory: COOKIE_SESSION,
        BaseCookieSessionFactory: COOKIE_SESSION,
      },
    });
  },
};
