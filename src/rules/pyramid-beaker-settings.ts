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
// - pyramid_redis_sessions (ericrasmussen/pyramid_redis_sessions@6888d9d, `util.py:92-134`) reads
//   `redis.sessions.cookie_secure` (default False) and `redis.sessions.cookie_httponly` (default True): not
//   covered here.
import type { IniFile, IniOption, IniSection } from '../languages/ini.js';
import type { CookieSite, FlagValue } from '../model.js';
import type { ConfigSite, PyRule, PyRuleContext } from './rule.js';

const PREFIXES = ['session.', 'beaker.session.'];

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
  findConfigSites(file: IniFile, context: PyRuleContext): ConfigSite[] {
    if (!file.file.toLowerCase().endsWith('.ini') || !file.text.includes('session.')) return [];
    const includedInCode = context.project.some((module) => module.text.includes('pyramid_beaker'));
    const sites: ConfigSite[] = [];
    for (const section of file.sections) {
      if (!section.name.startsWith('app:')) continue;
      const included =
        includedInCode ||
        section.options.some(
          (option) =>
            option.key === 'pyramid.includes' &&
            /\bpyramid_beaker\b/.test(file.text.slice(option.span.start, option.span.end)),
        );
      if (!included) continue;
      const site = siteOf(file, section, this.meta.id);
      if (site) sites.push({ site });
    }
    return sites;
  },
};

function siteOf(ini: IniFile, section: IniSection, ruleId: string): CookieSite | null {
  const beaker = section.options.filter((option) => PREFIXES.some((prefix) => option.key.startsWith(prefix)));
  const anchor = beaker.at(-1);
  if (!anchor) return null;
  // New keys are spelled with the prefix the section already uses.
  const prefix = anchor.key.startsWith('beaker.') ? 'beaker.session.' : 'session.';
  const find = (name: string) =>
    beaker.findLast(
      (option) => option.key === `session.${name}` || option.key === `beaker.session.${name}`,
    ) ?? null;
  const httpOnly = find('httponly');
  const secure = find('secure');
  const key = find('key');
  const notes: string[] = [];
  if (anchor.continued)
    notes.push(`\`${anchor.key}\` continues on the lines below it, so nothing is inserted after it`);
  // Beaker's `asbool` takes any case; the file's own spelling of booleans is kept.
  const capitalised = /^(?:True|False)$/m.test(section.options.map((option) => option.value).join('\n'));
  return {
    ruleId,
    file: ini.file,
    // Reported at the first flag the section sets, else where new ones go.
    offset: Math.min(
      ...[httpOnly, secure].map((option) => option?.span.start ?? Infinity),
      anchor.span.start,
    ),
    cookieNames: [key && key.value !== '' && !key.continued ? key.value : 'beaker.session.id'],
    kind: 'session',
    flags: {
      httpOnly: httpOnly ? classify(httpOnly, ini.file) : { kind: 'absent' },
      secure: secure ? classify(secure, ini.file) : { kind: 'absent' },
    },
    keys: {
      httpOnly: httpOnly?.key ?? `${prefix}httponly`,
      secure: secure?.key ?? `${prefix}secure`,
    },
    insertion: anchor.continued
      ? null
      : {
          container: {
            file: ini.file,
            syntax: 'ini-options',
            open: anchor.span.start,
            close: section.end,
            entries: [anchor.span],
            keyQuote: '',
            statementTemplate: `{key}${anchor.delimiter}{value}`,
          },
          nest: [],
        },
    usedAt: [],
    notes,
    trueLiteral: capitalised ? 'True' : 'true',
  };
}

/** A value as `asbool` reads it; an interpolation (`%(x)s`) is decided elsewhere in the file or the environment. */
function classify(option: IniOption, file: string): FlagValue {
  if (option.continued) return { kind: 'unknown', reason: `\`${option.key}\` spans several lines` };
  const value = option.value.trim().toLowerCase();
  if (['true', 'yes', 'on', 'y', 't', '1'].includes(value)) return { kind: 'true', span: option.valueSpan };
  if (['false', 'no', 'off', 'n', 'f', '0'].includes(value))
    return { kind: 'false', span: option.valueSpan, file };
  return { kind: 'conditional', span: option.valueSpan, text: option.value, devOnly: false };
}
