// The session cookie of pyramid_redis_sessions, configured in a PasteDeploy `.ini` file
// (ericrasmussen/pyramid_redis_sessions@6888d9d, the same in its last release v1.0.1):
// - `includeme` (`__init__.py`) builds the session factory from every setting whose key starts with
//   `redis.sessions.`, each named by its last dotted part (`util.py:92-134`).
// - `cookie_secure` defaults to False and `cookie_httponly` to True (`RedisSessionFactory`, since f13bf48 in
//   2013); both are read with Pyramid's `asbool`, which takes t/true/y/yes/on/1 (any case) as true and
//   anything else as false. The cookie is `session` unless `redis.sessions.cookie_name` names it.
import type { IniFile } from '../languages/ini.js';
import { pyramidIniSites } from './pyramid-ini-common.js';
import type { PyRule, PyRuleContext } from './rule.js';

const TRUE_WORDS = ['t', 'true', 'y', 'yes', 'on', '1'];

export const pyramidRedisSessionsSettings: PyRule = {
  meta: {
    id: 'pyramid-redis-sessions-settings',
    framework: 'pyramid',
    language: 'python',
    api: "pyramid_redis_sessions 'redis.sessions.cookie_secure' / 'redis.sessions.cookie_httponly'",
    description:
      "pyramid_redis_sessions' settings in a PasteDeploy `.ini` app section: `redis.sessions.cookie_secure` defaults to false; `redis.sessions.cookie_httponly` defaults to true, so only an explicit false is reported.",
    defaults: { httpOnly: 'on', secure: 'off' },
    mentions: ['pyramid_redis_sessions', '\nredis.sessions.'],
  },
  findSites() {
    return [];
  },
  findConfigSites(file: IniFile, context: PyRuleContext) {
    return pyramidIniSites(file, context, {
      ruleId: this.meta.id,
      package: 'pyramid_redis_sessions',
      prefixes: ['redis.sessions.'],
      flags: { httpOnly: 'cookie_httponly', secure: 'cookie_secure' },
      nameKey: 'cookie_name',
      defaultName: 'session',
      read: (value) => (TRUE_WORDS.includes(value) ? 'true' : 'false'),
    });
  },
};
