// The session cookie of pyramid_beaker, configured in a PasteDeploy `.ini` file. What the sources say:
// - Pyramid itself reads no session or auth-ticket cookie setting from the `.ini` (Pylons/pyramid@2.1): its
//   `SignedCookieSessionFactory` and `AuthTktAuthenticationPolicy` take keyword arguments only, so the
//   `pyramid-session-factory` and `pyramid-authtkt` rules see them in code.
// - pyramid_beaker (Pylons/pyramid_beaker@4be7b51, `__init__.py:115-131`, `includeme` at `:173-176`) turns
//   every setting whose key starts with `session.` or `beaker.session.` into a keyword of Beaker's session, and
//   installs that session factory when the app includes it (`config.include('pyramid_beaker')` or
//   `pyramid.includes = pyramid_beaker`). Beaker reads `secure` and `httponly` with `asbool`
//   (bbangert/beaker@96283fe `util.py:309-310`, `converters.py:5-15`: true/yes/on/y/t/1, false/no/off/n/f/0,
//   anything else fails at start-up) and defaults both to False (`session.py:151`, cookie sessions `:606-607`).
//   Its cookie is `beaker.session.id` unless `session.key` names it.
// - Settings are the options of the app's own section (`[app:main]`), which PasteDeploy passes to `main()`.
// - pyramid_redis_sessions has its own keys: see `pyramid-redis-sessions-settings`.
import type { IniFile } from '../languages/ini.js';
import { pyramidIniSites } from './pyramid-ini-common.js';
import type { PyRule, PyRuleContext } from './rule.js';

const TRUE_WORDS = ['true', 'yes', 'on', 'y', 't', '1'];
const FALSE_WORDS = ['false', 'no', 'off', 'n', 'f', '0'];

export const pyramidBeakerSettings: PyRule = {
  meta: {
    id: 'pyramid-beaker-settings',
    framework: 'pyramid',
    language: 'python',
    api: "pyramid_beaker 'session.secure' / 'session.httponly'",
    description:
      "pyramid_beaker's session settings in a PasteDeploy `.ini` app section: `session.secure` and `session.httponly` (or `beaker.session.*`) default to false.",
    defaults: { httpOnly: 'off', secure: 'off' },
    // `.ini` keys start their line; a bare `session.` would let every SQLAlchemy module through the prefilter.
    mentions: ['pyramid_beaker', '\nsession.', '\nbeaker.session.'],
  },
  findSites() {
    return [];
  },
  findConfigSites(file: IniFile, context: PyRuleContext) {
    return pyramidIniSites(file, context, {
      ruleId: this.meta.id,
      package: 'pyramid_beaker',
      prefixes: ['session.', 'beaker.session.'],
      flags: { httpOnly: 'httponly', secure: 'secure' },
      nameKey: 'key',
      defaultName: 'beaker.session.id',
      read: (value) =>
        TRUE_WORDS.includes(value) ? 'true' : FALSE_WORDS.includes(value) ? 'false' : 'other',
    });
  },
};
