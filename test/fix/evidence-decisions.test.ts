// Decisions on real code with a hand-built evidence index: the rules find the sites, planFixes decides with
// the facts given, and the edits are applied to show the exact fixed text.
import { describe, expect, it } from 'vitest';
import { makeEvidence, emptyEvidenceData } from '../../src/evidence/query.js';
import type { EvidenceData } from '../../src/evidence/types.js';
import { applyEdits } from '../../src/fix/insert.js';
import { planFixes } from '../../src/fix/plan.js';
import { parseJavaScript } from '../../src/languages/javascript.js';
import { parsePython, type PyModule } from '../../src/languages/python.js';
import type { CookieSite, Edit } from '../../src/model.js';
import { JS_RULES } from '../../src/rules/javascript-rules.js';
import { PY_RULES } from '../../src/rules/python-rules.js';
import type { RuleMeta } from '../../src/rules/rule.js';

function plan(files: Record<string, string>, data: Partial<EvidenceData>) {
  const texts = new Map(Object.entries(files));
  const sites: Array<{ site: CookieSite; meta: RuleMeta }> = [];
  const py: PyModule[] = [];
  for (const [file, text] of texts) {
    if (file.endsWith('.py')) py.push(parsePython(file, text));
    else {
      const module = parseJavaScript(file, text);
      for (const rule of JS_RULES)
        for (const site of rule.findSites(module, { load: () => null }))
          sites.push({ site, meta: rule.meta });
    }
  }
  for (const module of py)
    for (const rule of PY_RULES)
      for (const site of rule.findSites(module, { load: () => null, project: py }))
        sites.push({ site, meta: rule.meta });
  const planned = planFixes({
    sites,
    texts,
    policy: { flags: ['httpOnly', 'secure'], sameSite: 'lax', fixTests: false },
    isTestFile: () => false,
    evidence: makeEvidence({ ...emptyEvidenceData(), ...data }),
  });
  const edits = new Map<string, Edit[]>();
  for (const { edits: own } of planned)
    for (const edit of own) {
      const list = edits.get(edit.file) ?? [];
      if (!list.some((e) => e.start === edit.start && e.text === edit.text)) list.push(edit);
      edits.set(edit.file, list);
    }
  const after = Object.fromEntries(
    [...texts].map(([file, text]) => [
      file,
      applyEdits(
        text,
        [...(edits.get(file) ?? [])].sort((a, b) => a.start - b.start),
      ),
    ]),
  );
  return { findings: planned.map((entry) => entry.finding), after };
}

const TLS = {
  optionalTls: [{ file: 'server.py', line: 3, fact: '`certfile` is optional', kind: 'setting' as const }],
};

describe('Secure that follows the request where HTTPS is optional', () => {
  it('Tornado: self.request inside a handler method', () => {
    const handler = [
      'import tornado.web',
      '',
      'class Login(tornado.web.RequestHandler):',
      '    def post(self):',
      '        if self.get_argument("remember", None):',
      '            self.set_cookie("theme", "dark")',
      '',
    ].join('\n');
    const { after, findings } = plan({ 'handlers.py': handler }, TLS);
    expect(after['handlers.py']).toBe(
      handler.replace('"dark")', '"dark", secure=self.request.protocol == "https")'),
    );
    expect(findings[0]?.evidence).toEqual([{ file: 'server.py', line: 3, fact: '`certfile` is optional' }]);
    expect(findings[0]?.message).toBe(
      'Cookie "theme" (RequestHandler.set_*cookie()): HttpOnly is not set; Secure is not set. Fix: secure: self.request.protocol == "https". HTTPS is optional in this project, so Secure follows the request (`self.request.protocol == "https"`) instead of being hard-coded. Not changed: front-end code may read this cookie; add HttpOnly by hand if no script needs it.',
    );
  });

  it('Flask: the imported request proxy; without the import the fix is left to a person', () => {
    const view = [
      'from flask import Flask, make_response, request',
      '',
      'app = Flask(__name__)',
      '',
      '@app.route("/")',
      'def index():',
      '    resp = make_response("ok")',
      '    resp.set_cookie("lang", "en")',
      '    return resp',
      '',
    ].join('\n');
    expect(plan({ 'app.py': view }, TLS).after['app.py']).toBe(
      view.replace('"en")', '"en", secure=request.is_secure)'),
    );
    const noRequest = view.replace(', request', '');
    const { after, findings } = plan({ 'app.py': noRequest }, TLS);
    expect(after['app.py']).toBe(noRequest);
    expect(findings[0]?.notChangedReasons).toContain(
      "HTTPS is optional in this project (`certfile` is optional (server.py:3)), so a hard-coded Secure would lose the cookie on plain-HTTP installs, and Secure cannot follow the request here; make it follow the request's scheme, or a setting each install turns on with HTTPS",
    );
  });

  it("Django: the view's request parameter, calling is_secure()", () => {
    const view = [
      'from django.http import HttpResponse',
      '',
      'def index(request):',
      '    response = HttpResponse("ok")',
      '    response.set_cookie("lang", "en")',
      '    return response',
      '',
    ].join('\n');
    expect(plan({ 'views.py': view }, TLS).after['views.py']).toBe(
      view.replace('"en")', '"en", secure=request.is_secure())'),
    );
  });

  it("Express: the handler's request parameter, with the trust-proxy caution", () => {
    const app = [
      "const express = require('express');",
      'const app = express();',
      "app.get('/', (request, res) => {",
      "  res.cookie('lang', 'en');",
      "  res.send('ok');",
      '});',
      '',
    ].join('\n');
    const { after, findings } = plan({ 'app.js': app }, TLS);
    expect(after['app.js']).toBe(app.replace("'en')", "'en', { secure: request.secure })"));
    expect(findings[0]?.beforeMerging).toEqual([
      "`request.secure` is true only for requests Express sees as HTTPS: behind a TLS-terminating proxy, add `app.set('trust proxy', 1)` or the cookie never gets Secure",
    ]);
  });

  it("Astro and Qwik City: the context's url, not a destructured jar", () => {
    const middleware = [
      "import { defineMiddleware } from 'astro:middleware';",
      'export const onRequest = defineMiddleware((context, next) => {',
      "  context.cookies.set('lang', 'en', { path: '/' });",
      "  context.cookies.set('theme', 'dark');",
      '  return next();',
      '});',
      '',
    ].join('\n');
    const { after, findings } = plan({ 'src/middleware.ts': middleware }, TLS);
    expect(after['src/middleware.ts']).toBe(
      middleware
        .replace("path: '/' }", "path: '/', secure: context.url.protocol === 'https:' }")
        .replace("'dark')", "'dark', { secure: context.url.protocol === 'https:' })"),
    );
    expect(findings[0]?.beforeMerging).toEqual([
      '`context.url` is the URL the server received: behind a TLS-terminating proxy it says `http:` unless the server or adapter rebuilds it from `X-Forwarded-Proto`, and the cookie then never gets Secure',
    ]);
    const endpoint = [
      "import type { APIRoute } from 'astro';",
      'export const GET: APIRoute = ({ cookies }) => {',
      "  cookies.set('lang', 'en', { path: '/' });",
      '  return new Response(null);',
      '};',
      '',
    ].join('\n');
    expect(plan({ 'src/pages/api/lang.ts': endpoint }, TLS).after['src/pages/api/lang.ts']).toBe(endpoint);
    const route = [
      "import type { RequestHandler } from '@builder.io/qwik-city';",
      'export const onGet: RequestHandler = async (requestEvent) => {',
      '  requestEvent.cookie.set("lang", "en", { path: "/" });',
      '};',
      '',
    ].join('\n');
    expect(plan({ 'src/routes/index.ts': route }, TLS).after['src/routes/index.ts']).toBe(
      route.replace('path: "/" }', 'path: "/", secure: requestEvent.url.protocol === "https:" }'),
    );
  });

  it('Express: a cookie set outside any handler cannot name the request', () => {
    const app = [
      "const express = require('express');",
      'function handler(req, res) {',
      "  res.send('ok');",
      '}',
      "res.cookie('lang', 'en');",
      '',
    ].join('\n');
    expect(plan({ 'app.js': app }, TLS).after['app.js']).toBe(app);
  });

  it("AdonisJS: the context's request, destructured beside the response or through ctx", () => {
    const controller = [
      "import type { HttpContext } from '@adonisjs/core/http';",
      'export default class Prefs {',
      '  async store({ request, response }: HttpContext) {',
      "    response.cookie('lang', 'en', { secure: false });",
      '  }',
      '  async show(ctx: HttpContext) {',
      "    ctx.response.plainCookie('lang', 'en', { secure: false });",
      '  }',
      '  async only({ response }: HttpContext) {',
      "    response.encryptedCookie('lang', 'en', { secure: false });",
      '  }',
      '}',
      '',
    ].join('\n');
    const { after, findings } = plan({ 'prefs.ts': controller }, TLS);
    expect(after['prefs.ts']).toBe(
      controller
        .replace(
          "'en', { secure: false });\n  }\n  async show",
          "'en', { secure: request.secure() });\n  }\n  async show",
        )
        .replace(
          "plainCookie('lang', 'en', { secure: false })",
          "plainCookie('lang', 'en', { secure: ctx.request.secure() })",
        ),
    );
    // Without `request` in the pattern the request cannot be named: left to a person.
    expect(findings.map((finding) => finding.outcome)).toEqual(['fixable', 'fixable', 'manual']);
  });

  it("express-session: secure: 'auto'", () => {
    const app = [
      "const session = require('express-session');",
      "app.use(session({ secret: 's', cookie: { maxAge: 1000 } }));",
      '',
    ].join('\n');
    const result = plan({ 'app.js': app }, TLS);
    expect(result.after['app.js']).toBe(app.replace('maxAge: 1000 }', "maxAge: 1000, secure: 'auto' }"));
  });

  it('Twisted: the request the cookie goes out on, asked whether its connection is TLS', () => {
    const resource = [
      'from twisted.web import resource',
      '',
      'class Prefs(resource.Resource):',
      '    def render_POST(self, request):',
      '        request.addCookie(b"lang", b"en")',
      '        return b"ok"',
      '',
    ].join('\n');
    const { after, findings } = plan({ 'prefs.py': resource }, TLS);
    expect(after['prefs.py']).toBe(resource.replace('b"en")', 'b"en", secure=request.isSecure())'));
    expect(findings[0]?.beforeMerging).toEqual([
      '`request.isSecure()` is true only for connections Twisted itself accepted over TLS: behind a TLS-terminating proxy it stays false unless the app marks the request secure (`request.setHost(host, port, ssl=True)`)',
    ]);
  });

  it("Pyramid: the view's request parameter, whose scheme comes from the WSGI environ", () => {
    const view = [
      'from pyramid.view import view_config',
      '',
      '@view_config(route_name="prefs")',
      'def prefs(request):',
      '    request.response.set_cookie("lang", "en")',
      '    return request.response',
      '',
    ].join('\n');
    const { after, findings } = plan({ 'views.py': view }, TLS);
    expect(after['views.py']).toBe(view.replace('"en")', '"en", secure=request.scheme == "https")'));
    expect(findings[0]?.beforeMerging).toEqual([
      "`request.scheme` comes from the WSGI environ: behind a TLS-terminating proxy it says https only when the WSGI server or a middleware applies the proxy's `X-Forwarded-Proto`",
    ]);
  });

  it("CherryPy: a new morsel line following the request's base, which tools.proxy rewrites", () => {
    const root = [
      'import cherrypy',
      '',
      'class Root:',
      '    @cherrypy.expose',
      '    def login(self):',
      "        cherrypy.response.cookie['session_id'] = new_sid()",
      "        cherrypy.response.cookie['session_id']['httponly'] = True",
      "        return 'ok'",
      '',
    ].join('\n');
    const { after, findings } = plan({ 'root.py': root }, TLS);
    expect(after['root.py']).toBe(
      root.replace(
        "['httponly'] = True\n",
        "['httponly'] = True\n        cherrypy.response.cookie['session_id']['secure'] = cherrypy.request.base.startswith(\"https://\")\n",
      ),
    );
    expect(findings[0]?.beforeMerging).toEqual([
      "`cherrypy.request.base` says https behind a TLS-terminating proxy only with `'tools.proxy.on': True` in the app's config",
    ]);
  });
});

describe("the project's own transport switch", () => {
  const switchData = (defaultValue: 'on' | 'off'): Partial<EvidenceData> => ({
    switches: [
      {
        name: 'COOKIES_SECURE',
        expression: 'settings.COOKIES_SECURE',
        language: 'python',
        uses: [{ file: 'auth.py', line: 6, fact: '`secure=settings.COOKIES_SECURE` at a cookie site' }],
        definition: {
          file: 'config/settings.py',
          line: 2,
          fact: '`COOKIES_SECURE` is read from the environment',
        },
        default: defaultValue,
        forcedOn: null,
      },
    ],
  });
  const view = [
    'from flask import Flask, make_response',
    'from config import settings',
    '',
    'def index():',
    '    resp = make_response("ok")',
    '    resp.set_cookie("lang", "en")',
    '    return resp',
    '',
  ].join('\n');

  it('follows a switch defined in another module and imported here', () => {
    const { after, findings } = plan({ 'views.py': view }, switchData('on'));
    expect(after['views.py']).toBe(view.replace('"en")', '"en", secure=settings.COOKIES_SECURE)'));
    expect(findings[0]?.notes).toEqual([
      "Secure follows the project's own switch `settings.COOKIES_SECURE`, as its other cookies do.",
    ]);
  });

  it('is left to a person when the switch defaults to off', () => {
    const { after, findings } = plan({ 'views.py': view }, switchData('off'));
    expect(after['views.py']).toBe(view);
    expect(findings[0]?.outcome).toBe('manual');
    expect(findings[0]?.evidence.map((item) => `${item.file}:${item.line}`)).toEqual([
      'config/settings.py:2',
      'auth.py:6',
    ]);
  });

  it('writes a literal true, saying so, when the switch (on in production) cannot be named in this module', () => {
    const unbound = view.replace('from config import settings\n', '');
    const { after, findings } = plan({ 'views.py': unbound }, switchData('on'));
    expect(after['views.py']).toBe(unbound.replace('"en")', '"en", secure=True)'));
    expect(findings[0]?.notes).toEqual([
      "The project's other cookies take Secure from `COOKIES_SECURE`, which cannot be named in this file, so Secure is set to true here; use the switch instead if this cookie must also work over plain HTTP.",
    ]);
  });
});

describe('settings for a cookie that does not exist, or a framework the project does not use', () => {
  it('does not append CSRF_COOKIE_SECURE where CSRF_USE_SESSIONS = True', () => {
    const settings = ['DEBUG = False', 'CSRF_USE_SESSIONS = True', 'CSRF_COOKIE_SECURE = False', ''].join(
      '\n',
    );
    const { after, findings } = plan(
      { 'settings.py': settings },
      {
        moot: [
          {
            file: 'settings.py',
            line: 2,
            fact: '`CSRF_USE_SESSIONS = True` keeps the CSRF token in the session',
            cookie: 'django-csrf',
            setting: 'CSRF_USE_SESSIONS',
          },
        ],
      },
    );
    expect(after['settings.py']).toBe(settings);
    expect(findings.filter((finding) => finding.ruleId === 'django-csrf-settings')).toEqual([]);
  });

  it('changes nothing for Flask settings in a project that does not use Flask', () => {
    const module = ['import tornado.web', '', 'SESSION_COOKIE_NAME = "sid"', ''].join('\n');
    const { after, findings } = plan(
      { 'app.py': module },
      {
        manifestsRead: { javascript: false, python: true },
        frameworks: [
          { file: 'requirements.txt', line: 1, fact: 'tornado', framework: 'tornado', source: 'manifest' },
        ],
      },
    );
    expect(after['app.py']).toBe(module);
    expect(findings.every((finding) => finding.edits.length === 0)).toBe(true);
  });
});

describe('Secure that follows the request in Quart, Bottle, Falcon, Sanic and Litestar', () => {
  const fixed = (file: string, text: string) => plan({ [file]: text }, TLS).after[file];

  it("Quart: the imported request proxy's is_secure, as in Flask", () => {
    const view = [
      'from quart import Quart, make_response, request',
      '',
      'app = Quart(__name__)',
      '',
      '@app.route("/")',
      'async def index():',
      '    resp = await make_response("ok")',
      '    resp.set_cookie("lang", "en")',
      '    return resp',
      '',
    ].join('\n');
    expect(fixed('app.py', view)).toBe(view.replace('"en")', '"en", secure=request.is_secure)'));
  });

  it('Flask and Bottle: a request imported under another name is followed by that name', () => {
    const flaskView = [
      'from flask import Flask, make_response, request as rq',
      '',
      'app = Flask(__name__)',
      '',
      '@app.route("/")',
      'def index():',
      '    resp = make_response("ok")',
      '    resp.set_cookie("lang", "en")',
      '    return resp',
      '',
    ].join('\n');
    expect(fixed('app.py', flaskView)).toBe(flaskView.replace('"en")', '"en", secure=rq.is_secure)'));
    const bottleView = [
      'from bottle import request as req, response, route',
      '',
      '@route("/")',
      'def index():',
      '    response.set_cookie("lang", "en")',
      '    return "ok"',
      '',
    ].join('\n');
    expect(fixed('app.py', bottleView)).toBe(
      bottleView.replace('"en")', '"en", secure=req.urlparts.scheme == "https")'),
    );
  });

  it("Bottle: the imported request's urlparts scheme; without the import it is left to a person", () => {
    const view = [
      'from bottle import request, response, route',
      '',
      '@route("/")',
      'def index():',
      '    response.set_cookie("lang", "en")',
      '    return "ok"',
      '',
    ].join('\n');
    expect(fixed('app.py', view)).toBe(
      view.replace('"en")', '"en", secure=request.urlparts.scheme == "https")'),
    );
    const noRequest = view.replace('request, ', '');
    expect(fixed('app.py', noRequest)).toBe(noRequest);
  });

  it("Falcon: the responder's req parameter replaces an explicit False", () => {
    const resource = [
      'import falcon',
      '',
      'class Index:',
      '    def on_get(self, req, resp):',
      '        resp.set_cookie("lang", "en", secure=False)',
      '',
    ].join('\n');
    expect(fixed('app.py', resource)).toBe(resource.replace('secure=False', 'secure=req.scheme == "https"'));
  });

  it("Sanic and Litestar: the handler's request parameter", () => {
    const sanic = [
      'from sanic import Sanic, text',
      '',
      'app = Sanic("app")',
      '',
      '@app.get("/")',
      'async def index(request):',
      '    response = text("ok")',
      '    response.add_cookie("lang", "en", secure=False)',
      '    return response',
      '',
    ].join('\n');
    expect(fixed('app.py', sanic)).toBe(sanic.replace('secure=False', 'secure=request.scheme == "https"'));
    const litestar = [
      'from litestar import Request, Response, get',
      '',
      '@get("/")',
      'async def index(request: Request) -> Response:',
      '    response = Response("ok")',
      '    response.set_cookie("lang", "en")',
      '    return response',
      '',
    ].join('\n');
    expect(fixed('app.py', litestar)).toBe(
      litestar.replace('"en")', '"en", secure=request.url.scheme == "https")'),
    );
  });
});

describe('frameworks that throw on an explicit Secure over plain HTTP', () => {
  it("Oak: secure: false is left alone, with Oak's own way to get Secure behind a proxy", () => {
    const app = [
      "import { Application } from 'jsr:@oak/oak';",
      'const app = new Application();',
      'app.use(async (ctx) => {',
      "  await ctx.cookies.set('sid', ctx.state.sid, { secure: false });",
      '});',
      '',
    ].join('\n');
    const { after, findings } = plan({ 'main.ts': app }, {});
    expect(after['main.ts']).toBe(app);
    expect(findings.map((finding) => [finding.ruleId, finding.notChangedReasons])).toEqual([
      [
        'oak-cookies-set',
        [
          'writing `secure: true` here throws on requests the app sees as plain HTTP; remove `secure: false` to get the automatic Secure, and behind a TLS-terminating proxy (which Oak never detects) write `secure: true` together with `ignoreInsecure: true`',
        ],
      ],
    ]);
  });
});
