// Regression projects shaped like the harmful fixes seen on real applications (our own code), run through the
// bundled CLI: the findings, their outcomes and evidence, and the exact files `fix` writes.
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliProcess, snapshotTree, temporaryFolder } from '../cli/helpers.js';

const PROJECTS = new URL('.', import.meta.url).pathname;

interface JsonFinding {
  ruleId: string;
  file: string;
  line: number;
  cookie: string | null;
  problems: string[];
  outcome: string;
  message: string;
  evidence: Array<{ file: string; line: number; fact: string }>;
  beforeMerging: string[];
}

/** Scans a copy, then fixes it: the findings, and every file whose bytes the fix changed (with its new text). */
function run(project: string) {
  const folder = temporaryFolder();
  cpSync(join(PROJECTS, project), folder, { recursive: true });
  const scan = runCliProcess(['scan', folder, '--format', 'json']);
  const findings = (JSON.parse(scan.stdout) as { findings: JsonFinding[] }).findings;
  const before = snapshotTree(folder);
  runCliProcess(['fix', folder]);
  const after = snapshotTree(folder);
  const changed: Record<string, string> = {};
  for (const [file, text] of after) if (before.get(file) !== text) changed[file] = text;
  return {
    findings,
    summary: findings.map((f) => [f.file, f.line, f.cookie, f.problems.join(' '), f.outcome]),
    evidence: findings.map((f) => f.evidence.map((item) => `${item.file}:${item.line}`)),
    changed,
  };
}

function source(project: string, file: string): string {
  return readFileSync(join(PROJECTS, project, file), 'utf8');
}

describe('regression projects', () => {
  it('(a) keeps httpOnly: false on a cookie the front end reads back, citing the reader', () => {
    const result = run('browser-read-session');
    expect(result.summary).toEqual([
      ['server/routes.js', 8, 'sessions', 'httpOnly-false secure-missing', 'fixable'],
    ]);
    expect(result.findings[0]!.evidence).toEqual([
      {
        file: 'web/src/store.js',
        line: 4,
        fact: "`getCookie('sessions')` reads this cookie in browser code",
      },
    ]);
    expect(result.findings[0]!.message).toBe(
      'Cookie "sessions" (res.cookie()): HttpOnly is turned off; Secure is not set. Fix: secure: true. Not changed: browser code in this project uses the cookie, and HttpOnly would hide it from that code: `getCookie(\'sessions\')` reads this cookie in browser code (web/src/store.js:4).',
    );
    expect(result.changed).toEqual({
      'server/routes.js': source('browser-read-session', 'server/routes.js').replace(
        '{ httpOnly: false }',
        '{ httpOnly: false, secure: true }',
      ),
    });
  });

  it("(b) leaves Secure to a person where the project's own switch defaults to off", () => {
    const result = run('python-switch-off');
    expect(result.summary).toEqual([
      ['app/views.py', 11, 'remember_token', 'secure-conditional', 'conditional'],
      ['app/views.py', 18, 'theme', 'httpOnly-missing secure-missing', 'manual'],
    ]);
    expect(result.evidence[1]).toEqual(['app/settings.py:4', 'app/views.py:11']);
    expect(result.findings[1]!.message).toContain(
      'the project decides Secure with its own switch `COOKIES_SECURE`, which is off unless configured, and nothing turns it on in production',
    );
    expect(result.changed).toEqual({});
  });

  it('(c) leaves a production settings module that says SSL is not there yet alone, with the evidence', () => {
    const result = run('django-ssl-todo');
    expect(result.summary).toEqual([
      ['site/settings/production.py', 8, 'csrftoken', 'secure-missing', 'manual'],
      ['site/settings/production.py', 8, 'sessionid', 'secure-false', 'manual'],
    ]);
    expect(result.evidence).toEqual([
      ['site/settings/production.py:7', 'site/settings/production.py:6'],
      ['site/settings/production.py:7', 'site/settings/production.py:6'],
    ]);
    expect(result.findings[1]!.evidence.map((item) => item.fact)).toEqual([
      '`SECURE_SSL_REDIRECT = False` in this settings module: it does not send visitors to HTTPS',
      'a comment says "TODO: until SSL is added the site is served over HTTP"',
    ]);
    expect(result.changed).toEqual({});
  });

  it('(d) leaves express-session secure: false that "creates a new session every time", naming trust proxy', () => {
    const result = run('express-session-proxy');
    expect(result.summary).toEqual([['app.js', 12, null, 'secure-false', 'manual']]);
    expect(result.findings[0]!.message).toBe(
      'Cookie options of session({ cookie }): Secure is turned off. Not changed: the project shows it serves this cookie over plain HTTP, where Secure would make browsers drop it: a comment says "if this is true it creates a new session every time" (app.js:11). If Secure broke sessions behind a proxy, the usual cause is the missing proxy setting: add `app.set(\'trust proxy\', 1)`, then turn Secure on. Turn Secure on once HTTPS is in place.',
    );
    expect(result.changed).toEqual({});
  });

  it('(e) makes Secure follow the request in a Tornado app whose HTTPS is optional', () => {
    const result = run('tornado-optional-tls');
    expect(result.summary).toEqual([
      ['server.py', 12, 'theme', 'httpOnly-missing secure-missing', 'fixable'],
    ]);
    expect(result.evidence).toEqual([['server.py:6', 'server.py:7', 'server.py:20']]);
    expect(result.changed).toEqual({
      'server.py': source('tornado-optional-tls', 'server.py').replace(
        'self.set_cookie("theme", self.get_argument("theme"))',
        'self.set_cookie("theme", self.get_argument("theme"), secure=self.request.protocol == "https")',
      ),
    });
  });

  it('(e2) makes Secure follow the request in an Express app whose TLS ends at a proxy it trusts', () => {
    const result = run('express-trusted-proxy');
    expect(result.summary).toEqual([
      ['public/theme.js', 4, 'theme', 'secure-missing', 'manual'],
      ['server.js', 10, 'auth', 'secure-missing', 'fixable'],
    ]);
    // Script cannot follow the request, and a page reached over plain HTTP refuses a Secure cookie it writes.
    expect(result.findings[0]!.message).toBe(
      "Cookie \"theme\" (Cookies.set()): Secure is not set. Not changed: the app sets up no TLS itself and leaves HTTPS to a proxy (`new http.Server(…` serves plain HTTP and the project sets up no TLS of its own: HTTPS, where there is any, ends at the proxy it trusts (`app.enable('trust proxy')`, server.js:6) (server.js:18)), so pages may also be served over plain HTTP, where browsers refuse a Secure cookie written by script; set Secure from the page's scheme, or only where the site is always HTTPS.",
    );
    expect(result.findings[1]!.evidence).toEqual([
      {
        file: 'server.js',
        line: 18,
        fact: "`new http.Server(…` serves plain HTTP and the project sets up no TLS of its own: HTTPS, where there is any, ends at the proxy it trusts (`app.enable('trust proxy')`, server.js:6)",
      },
    ]);
    expect(result.findings[1]!.beforeMerging).toEqual([]);
    expect(result.changed).toEqual({
      'server.js': source('express-trusted-proxy', 'server.js').replace(
        '{ httpOnly: true }',
        '{ httpOnly: true, secure: req.secure }',
      ),
    });
  });

  it('(e3) leaves Secure to a person where the project ships an nginx proxy that serves plain HTTP only', () => {
    const result = run('compose-http-proxy');
    expect(result.summary).toEqual([
      ['board/config.py', 6, 'session', 'secure-missing', 'manual'],
      ['board/static/js/theme.js', 2, 'theme', 'secure-missing', 'manual'],
    ]);
    const reason =
      'the project shows it serves this cookie over plain HTTP, where Secure would make browsers drop it: `listen 80;`: the nginx proxy the project runs in docker-compose.yml serves plain HTTP, and no deployment file sets up TLS (conf/nginx/site.conf:4). Turn Secure on once HTTPS is in place.';
    expect(result.findings.map((finding) => finding.message)).toEqual([
      `Cookie "session" (SESSION_COOKIE_SECURE / SESSION_COOKIE_HTTPONLY): Secure is not set. Not changed: ${reason}`,
      `Cookie "theme" (document.cookie = "…"): Secure is not set. Not changed: ${reason}`,
    ]);
    expect(result.evidence).toEqual([['conf/nginx/site.conf:4'], ['conf/nginx/site.conf:4']]);
    expect(result.changed).toEqual({});
  });

  it('(e4) treats HTTPS as optional in a tool people install and run, with no TLS in its code', () => {
    const result = run('tool-without-tls');
    expect(result.summary).toEqual([
      ['printhub/settings.py', 2, 'session', 'secure-false', 'manual'],
      ['printhub/views.py', 9, 'logged_out', 'secure-missing', 'fixable'],
      ['printhub/views.py', 14, 'csrf_token', 'secure-missing', 'fixable'],
    ]);
    expect(result.evidence).toEqual([['pyproject.toml:6'], ['pyproject.toml:6'], ['pyproject.toml:6']]);
    expect(result.findings[0]!.message).toBe(
      'Cookie "session" (SESSION_COOKIE_SECURE / SESSION_COOKIE_HTTPONLY): Secure is turned off. Not changed: HTTPS is optional in this project (`[project.scripts]` in pyproject.toml installs a command, and no code in the project sets up TLS: each install serves plain HTTP unless a TLS proxy is put in front (pyproject.toml:6)), so a hard-coded Secure would lose the cookie on plain-HTTP installs, and Secure cannot follow the request here; make it follow the request\'s scheme, or a setting each install turns on with HTTPS.',
    );
    const views = source('tool-without-tls', 'printhub/views.py');
    expect(result.changed).toEqual({
      'printhub/views.py': views
        .replace('"1", httponly=True)', '"1", httponly=True, secure=request.is_secure)')
        .replace('token, httponly=False)', 'token, httponly=False, secure=request.is_secure)'),
    });
  });

  it("(e5) judges proxy trust per app: a second app in its own file does not inherit the first one's", () => {
    const result = run('two-express-apps');
    expect(result.summary).toEqual([
      ['installer.js', 7, null, 'secure-missing', 'fixable'],
      ['webserver.js', 7, null, 'secure-missing', 'fixable'],
    ]);
    expect(result.findings[0]!.message).toBe(
      "Cookie options of session({ cookie }): Secure is not set. Fix: secure: 'auto'. The app does not trust a proxy (it has no `app.set('trust proxy', 1)`), and with a literal true session({ cookie }) would stop setting the cookie on every request it sees as plain HTTP, so Secure follows the request (`'auto'`).",
    );
    expect(result.evidence).toEqual([[], ['installer.js:13']]);
    const added = "    saveUninitialized: false,\n    cookie: { secure: 'auto' },\n";
    expect(result.changed).toEqual({
      'installer.js': source('two-express-apps', 'installer.js').replace(
        '    saveUninitialized: false,\n',
        added,
      ),
      'webserver.js': source('two-express-apps', 'webserver.js').replace(
        '    saveUninitialized: false,\n',
        added,
      ),
    });
  });

  it('(f) appends no Flask setting to a SESSION_COOKIE_NAME constant in a Tornado project', () => {
    const result = run('tornado-session-name');
    expect(result.summary).toEqual([['board/constants.py', 2, 'session', 'secure-missing', 'manual']]);
    expect(result.findings[0]!.message).toBe(
      'Cookie "session" (SESSION_COOKIE_SECURE / SESSION_COOKIE_HTTPONLY): Secure is not set. Not changed: the project does not use flask (not in its dependencies or imports), so nothing reads this setting; it is left alone.',
    );
    expect(result.changed).toEqual({});
  });

  it('(g) appends no CSRF_COOKIE_SECURE where CSRF_USE_SESSIONS = True', () => {
    const result = run('django-csrf-sessions');
    expect(result.summary).toEqual([]);
    expect(result.changed).toEqual({});
  });

  it('(h) leaves the plain-HTTP twin of a session cookie without Secure', () => {
    const result = run('unsecure-twin');
    expect(result.summary).toEqual([['auth.js', 9, 'wiki_session-unsecure', 'secure-missing', 'manual']]);
    expect(result.evidence).toEqual([['auth.js:8', 'auth.js:9']]);
    expect(result.changed).toEqual({});
  });

  it("(e6) follows the request where the project's own cookies take Secure from it (warehouse)", () => {
    const result = run('scheme-following');
    expect(result.summary).toEqual([
      ['shop/static/banner.js', 2, 'banner', 'secure-missing', 'manual'],
      ['shop/views.py', 7, 'remember', 'secure-conditional', 'conditional'],
      ['shop/views.py', 14, 'locale', 'secure-missing', 'fixable'],
      ['shop/views.py', 19, 'visitor', 'secure-missing', 'manual'],
    ]);
    expect(result.evidence).toEqual([['shop/views.py:7'], [], ['shop/views.py:7'], ['shop/views.py:7']]);
    expect(result.findings[3]!.message).toBe(
      'Cookie "visitor" (Response.set_cookie()): Secure is not set. Not changed: the project\'s other cookies take Secure from the request\'s scheme (a cookie here takes Secure from `request.scheme == "https"` (shop/views.py:7)), so the project expects to be reached over plain HTTP somewhere, where a Secure cookie is dropped; this cookie cannot name the request here; make it follow the request as they do.',
    );
    expect(result.changed).toEqual({
      'shop/views.py': source('scheme-following', 'shop/views.py').replace(
        'request.params["locale"], httponly=True)',
        'request.params["locale"], httponly=True, secure=request.scheme == "https")',
      ),
    });
  });

  it('(i) finds and fixes the session tool in a CherryPy .conf file, and nothing in an unrelated .ini', () => {
    const result = run('cherrypy-conf');
    expect(result.summary).toEqual([
      ['conf/board.conf', 6, 'session_id', 'httpOnly-missing secure-missing', 'fixable'],
    ]);
    expect(result.changed).toEqual({
      'conf/board.conf': source('cherrypy-conf', 'conf/board.conf').replace(
        'tools.sessions.on = True\n',
        'tools.sessions.on = True\ntools.sessions.httponly = True\ntools.sessions.secure = True\n',
      ),
    });
  });

  it("(j) keeps a monorepo's command-line tool from speaking for a sibling web app with its own package.json", () => {
    const result = run('monorepo-tool');
    expect(result.summary).toEqual([['apps/web/server.js', 6, 'token', 'secure-missing', 'fixable']]);
    expect(result.evidence).toEqual([[]]);
    expect(result.changed).toEqual({
      'apps/web/server.js': source('monorepo-tool', 'apps/web/server.js').replace(
        '{ httpOnly: true }',
        '{ httpOnly: true, secure: true }',
      ),
    });
  });

  it("(k) takes no Secure switch from a sibling package: the API's NODE_ENV check says nothing about the web app", () => {
    const result = run('monorepo-switch');
    expect(result.summary).toEqual([
      ['services/api/app.js', 6, 'sid', 'secure-conditional', 'conditional'],
      ['web/server.js', 6, 'web_session', 'secure-missing', 'fixable'],
    ]);
    expect(result.changed).toEqual({
      'web/server.js': source('monorepo-switch', 'web/server.js').replace(
        '{ httpOnly: true }',
        '{ httpOnly: true, secure: true }',
      ),
    });
  });

  it('(l) leaves Secure to a person where the compose file publishes the app itself on port 80, with no TLS (dvws-node)', () => {
    const result = run('compose-port-80');
    expect(result.summary).toEqual([['controllers/users.js', 2, 'auth_token', 'secure-missing', 'manual']]);
    expect(result.evidence).toEqual([['docker-compose.yml:5']]);
    expect(result.findings[0]!.message).toBe(
      'Cookie "auth_token" (setHeader(\'Set-Cookie\', …)): Secure is not set. Not changed: the project shows it serves this cookie over plain HTTP, where Secure would make browsers drop it: `- "80:80"` in docker-compose.yml publishes the app on HTTP\'s port 80 with no proxy in front, and nothing in the project sets up TLS (docker-compose.yml:5). Turn Secure on once HTTPS is in place.',
    );
    expect(result.changed).toEqual({});
  });
});
