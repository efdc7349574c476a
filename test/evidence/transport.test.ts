import { describe, expect, it } from 'vitest';
import { Source } from '../../src/evidence/source.js';
import { evaluateDefault, findTransportSwitches, switchName } from '../../src/evidence/transport.js';
import type { CookieSite } from '../../src/model.js';

/** A site whose Secure is the expression at `needle` in `text`. */
function site(file: string, text: string, needle: string, devOnly = false): CookieSite {
  const start = text.indexOf(needle);
  return {
    ruleId: 'express-res-cookie',
    file,
    offset: start,
    cookieNames: ['sid'],
    flags: {
      httpOnly: { kind: 'true', span: { start: 0, end: 0 } },
      secure: { kind: 'conditional', span: { start, end: start + needle.length }, text: needle, devOnly },
    },
    keys: { httpOnly: 'httpOnly', secure: 'secure' },
    insertion: null,
    usedAt: [],
    notes: [],
  };
}

describe('transport switch defaults', () => {
  it.each([
    ["os.environ.get('COOKIES_SECURE', 'false') == 'true'", 'COOKIES_SECURE', 'off'],
    ["os.environ.get('COOKIES_SECURE', 'true') == 'true'", 'COOKIES_SECURE', 'on'],
    ["os.environ.get('COOKIES_SECURE', 'False').lower() in ('true', '1')", 'COOKIES_SECURE', 'off'],
    ["env.bool('SESSION_COOKIE_SECURE', default=False)", 'SESSION_COOKIE_SECURE', 'off'],
    ["env.bool('SESSION_COOKIE_SECURE', True)", 'SESSION_COOKIE_SECURE', 'on'],
    ["env.bool('SESSION_COOKIE_SECURE')", 'SESSION_COOKIE_SECURE', 'unknown'],
    ["config('SECURE', default=True, cast=bool)", 'SECURE', 'on'],
    ["os.getenv('X')", 'X', 'off'],
    ["bool(os.getenv('X'))", 'X', 'off'],
    ["os.getenv('X', 'yes')", 'X', 'unknown'],
    ["process.env.COOKIE_SECURE === 'true'", 'COOKIE_SECURE', 'off'],
    ["process.env.COOKIE_SECURE !== 'false'", 'COOKIE_SECURE', 'on'],
    ["process.env.NODE_ENV === 'production'", 'NODE_ENV', 'off'],
    ["app.get('env') === 'production'", 'NODE_ENV', 'off'],
    ["app.get('env') !== 'production'", 'NODE_ENV', 'on'],
    ['!!process.env.HTTPS', 'HTTPS', 'off'],
    ["process.env.SECURE ?? 'true'", 'SECURE', 'on'],
    ['settings.COOKIES_SECURE', 'COOKIES_SECURE', 'unknown'],
    ['config.secureCookies', 'secureCookies', 'unknown'],
    ["app.config['SESSION_COOKIE_SECURE']", 'SESSION_COOKIE_SECURE', 'unknown'],
    ['not DEBUG', 'DEBUG', 'unknown'],
  ])('%s is %s, %s by default', (expression, name, fallback) => {
    expect(switchName(expression)).toBe(name);
    expect(evaluateDefault(expression)).toBe(fallback);
  });
});

describe('transport switches', () => {
  const isTestFile = (file: string) => file.startsWith('test/');

  it('groups the sites that share a switch and finds its definition in another module', () => {
    const config = "module.exports = {\n  secureCookies: process.env.SECURE_COOKIES === 'true',\n};\n";
    const a = "res.cookie('sid', id, { httpOnly: true, secure: config.secureCookies });\n";
    const b = "\n\nres.cookie('lang', l, { secure: config.secureCookies });\n";
    const sources = new Map([
      ['src/config.js', new Source('src/config.js', config, 'javascript')],
      ['src/auth.js', new Source('src/auth.js', a, 'javascript')],
      ['src/lang.js', new Source('src/lang.js', b, 'javascript')],
    ]);
    const sites = [
      { site: site('src/auth.js', a, 'config.secureCookies'), language: 'javascript' as const },
      { site: site('src/lang.js', b, 'config.secureCookies'), language: 'javascript' as const },
    ];
    expect(findTransportSwitches({ sites, sources, deploy: [], isTestFile })).toEqual([
      {
        name: 'secureCookies',
        expression: 'config.secureCookies',
        language: 'javascript',
        uses: [
          { file: 'src/auth.js', line: 1, fact: "this cookie's Secure follows `config.secureCookies`" },
          { file: 'src/lang.js', line: 3, fact: "this cookie's Secure follows `config.secureCookies`" },
        ],
        definition: {
          file: 'src/config.js',
          line: 2,
          fact: "`secureCookies` is set from `process.env.SECURE_COOKIES === 'true'`: off unless the environment or configuration turns it on",
        },
        default: 'off',
        forcedOn: null,
      },
    ]);
  });

  it('says a NODE_ENV check is on in production, and ignores checks that are true only in development', () => {
    const text =
      "res.cookie('a', v, { secure: process.env.NODE_ENV === 'production' });\nres.cookie('b', v, { secure: process.env.NODE_ENV === 'development' });\n";
    const sources = new Map([['app.js', new Source('app.js', text, 'javascript')]]);
    const sites = [
      {
        site: site('app.js', text, "process.env.NODE_ENV === 'production'"),
        language: 'javascript' as const,
      },
      {
        site: site('app.js', text, "process.env.NODE_ENV === 'development'", true),
        language: 'javascript' as const,
      },
    ];
    const [found, ...rest] = findTransportSwitches({ sites, sources, deploy: [], isTestFile });
    expect(rest).toEqual([]);
    expect([found?.name, found?.default, found?.definition, found?.forcedOn]).toEqual([
      'NODE_ENV',
      'off',
      {
        file: 'app.js',
        line: 1,
        fact: "`NODE_ENV` is set from `process.env.NODE_ENV === 'production'`: off unless the environment or configuration turns it on",
      },
      {
        file: 'app.js',
        line: 1,
        fact: "`process.env.NODE_ENV === 'production'` is on whenever the environment is `production`",
      },
    ]);
  });

  it('finds a production settings module that turns a Python switch on', () => {
    const base = "import os\nSESSION_COOKIE_SECURE = os.environ.get('SECURE', 'false') == 'true'\n";
    const production = 'from .base import *\n\nSESSION_COOKIE_SECURE = True\n';
    const sources = new Map([
      ['proj/settings/base.py', new Source('proj/settings/base.py', base, 'python')],
      ['proj/settings/production.py', new Source('proj/settings/production.py', production, 'python')],
    ]);
    const sites = [
      {
        site: site('proj/settings/base.py', base, "os.environ.get('SECURE', 'false') == 'true'"),
        language: 'python' as const,
      },
    ];
    const [found] = findTransportSwitches({ sites, sources, deploy: [], isTestFile });
    expect([found?.name, found?.default, found?.forcedOn]).toEqual([
      'SECURE',
      'off',
      {
        file: 'proj/settings/production.py',
        line: 3,
        fact: '`SESSION_COOKIE_SECURE = True` in the production settings turns it on',
      },
    ]);
  });

  it('describes the switch itself where a use negates an environment read', () => {
    const text = "res.cookie('a', v, { secure: !process.env.INSECURE_COOKIES });\n";
    const sources = new Map([['app.js', new Source('app.js', text, 'javascript')]]);
    const sites = [
      { site: site('app.js', text, '!process.env.INSECURE_COOKIES'), language: 'javascript' as const },
    ];
    const [found] = findTransportSwitches({ sites, sources, deploy: [], isTestFile });
    expect([found?.name, found?.expression, found?.default, found?.definition?.fact]).toEqual([
      'INSECURE_COOKIES',
      '!process.env.INSECURE_COOKIES',
      'off',
      '`INSECURE_COOKIES` is set from `process.env.INSECURE_COOKIES`: off unless the environment or configuration turns it on',
    ]);
  });

  it('has no switch where Secure is a literal, or where the site is in a test', () => {
    const text = "res.cookie('a', v, { secure: config.secure });\n";
    const sources = new Map([['test/app.js', new Source('test/app.js', text, 'javascript')]]);
    const sites = [{ site: site('test/app.js', text, 'config.secure'), language: 'javascript' as const }];
    expect(findTransportSwitches({ sites, sources, deploy: [], isTestFile })).toEqual([]);
  });
});
