// SameSite is opt-in: with `flags: [httpOnly, secure, sameSite]` each API gets its own spelling of the key,
// in the file's own style, and frameworks that already send SameSite are left alone.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type Config } from '../../src/config.js';
import { scanFiles } from '../../src/scan.js';

const WITH_SAME_SITE: Config = { ...DEFAULT_CONFIG, flags: ['httpOnly', 'secure', 'sameSite'] };

function fix(files: Record<string, string>, config: Config = WITH_SAME_SITE) {
  const result = scanFiles({
    files: Object.keys(files).sort(),
    read: (file) => (files[file] === undefined ? { skip: 'missing' } : { text: files[file]! }),
    config,
  });
  const after = Object.fromEntries(Object.entries(files).map(([file, text]) => [file, text]));
  for (const change of result.changes) after[change.file] = change.after;
  return { result, after, problems: result.findings.map((finding) => [finding.file, ...finding.problems]) };
}

describe('SameSite (opt-in)', () => {
  it("adds sameSite in the JavaScript object's quote style, after the other new keys", () => {
    const { after, problems } = fix({
      'a.js': 'res.cookie(\'sid\', id, { maxAge: 1 });\nres.cookie("token", t);\n',
    });
    expect(after['a.js']).toBe(
      "res.cookie('sid', id, { maxAge: 1, httpOnly: true, secure: true, sameSite: 'lax' });\n" +
        'res.cookie("token", t, { httpOnly: true, secure: true, sameSite: "lax" });\n',
    );
    expect(problems).toEqual([
      ['a.js', 'httpOnly-missing', 'secure-missing', 'sameSite-missing'],
      ['a.js', 'httpOnly-missing', 'secure-missing', 'sameSite-missing'],
    ]);
  });

  it('uses the configured value and leaves a deliberate None alone', () => {
    const strict = { ...WITH_SAME_SITE, sameSite: 'strict' as const };
    const { after, result } = fix(
      {
        'a.js':
          "res.cookie('sid', id, { httpOnly: true, secure: true });\n" +
          "res.cookie('embed', id, { httpOnly: true, secure: true, sameSite: 'none' });\n",
      },
      strict,
    );
    expect(after['a.js']).toBe(
      "res.cookie('sid', id, { httpOnly: true, secure: true, sameSite: 'strict' });\n" +
        "res.cookie('embed', id, { httpOnly: true, secure: true, sameSite: 'none' });\n",
    );
    expect(result.findings[1]!.problems).toEqual(['sameSite-false']);
    expect(result.findings[1]!.outcome).toBe('manual');
  });

  it('spells it the Python way: samesite= for Tornado calls, a "samesite" key in a splatted dict', () => {
    const { after } = fix({
      'h.py':
        'import tornado.web\n\nopts = {"secure": True}\n\n\nclass H(tornado.web.RequestHandler):\n' +
        '    def get(self):\n        self.set_signed_cookie("user", u, **opts)\n        self.set_cookie("sid", s)\n',
    });
    expect(after['h.py']).toBe(
      'import tornado.web\n\nopts = {"secure": True, "httponly": True, "samesite": "Lax"}\n\n\nclass H(tornado.web.RequestHandler):\n' +
        '    def get(self):\n        self.set_signed_cookie("user", u, **opts)\n        self.set_cookie("sid", s, httponly=True, secure=True, samesite="Lax")\n',
    );
  });

  it('adds SESSION_COOKIE_SAMESITE next to the Flask settings it fixes, as a string', () => {
    const app =
      'from flask import Flask\n\napp = Flask(__name__)\napp.config["SESSION_COOKIE_SECURE"] = False\n';
    expect(fix({ 'app.py': app }).after['app.py']).toBe(
      app.replace(
        'app.config["SESSION_COOKIE_SECURE"] = False\n',
        'app.config["SESSION_COOKIE_SECURE"] = True\napp.config["SESSION_COOKIE_SAMESITE"] = "Lax"\n',
      ),
    );
  });

  it('leaves Django settings alone for SameSite (Django sends Lax by default)', () => {
    const settings =
      'INSTALLED_APPS = ["django.contrib.sessions"]\nMIDDLEWARE = []\nROOT_URLCONF = "app.urls"\nSESSION_COOKIE_SECURE = False\n';
    expect(fix({ 'app/settings.py': settings }).after['app/settings.py']).toBe(
      settings.replace(
        'SESSION_COOKIE_SECURE = False',
        'SESSION_COOKIE_SECURE = True\nCSRF_COOKIE_SECURE = True',
      ),
    );
  });

  it('leaves frameworks that send SameSite by default alone', () => {
    const { problems } = fix({
      'r.js':
        "import { createCookie } from '@remix-run/node';\nexport const c = createCookie('sid', { httpOnly: true, secure: true });\n",
    });
    expect(problems).toEqual([]);
  });

  it('appends header attributes inside a document.cookie string', () => {
    const { after } = fix({ 'c.js': "document.cookie = 'theme=' + theme + '; path=/';\n" });
    expect(after['c.js']).toBe("document.cookie = 'theme=' + theme + '; path=/; Secure; SameSite=Lax';\n");
  });

  it('is not enforced unless asked for', () => {
    const { after } = fix({ 'a.js': "res.cookie('sid', id);\n" }, DEFAULT_CONFIG);
    expect(after['a.js']).toBe("res.cookie('sid', id, { httpOnly: true, secure: true });\n");
  });

  it("reads and writes a morsel's samesite line: an existing one is kept, a missing one is a new line", () => {
    const handler =
      'from http.cookies import SimpleCookie\n\n\ndef login(start_response):\n    jar = SimpleCookie()\n' +
      '    jar["sessionid"] = "x"\n    jar["sessionid"]["httponly"] = True\n    jar["sessionid"]["secure"] = True\n' +
      '    jar["sessionid"]["SameSite"] = "Strict"\n    jar["auth_session"] = "y"\n' +
      '    start_response("200 OK", [("Set-Cookie", jar.output(header=""))])\n';
    const { after, problems } = fix({ 'app.py': handler });
    expect(after['app.py']).toBe(
      handler.replace(
        '    jar["auth_session"] = "y"\n',
        '    jar["auth_session"] = "y"\n    jar["auth_session"]["httponly"] = True\n' +
          '    jar["auth_session"]["secure"] = True\n    jar["auth_session"]["samesite"] = "Lax"\n',
      ),
    );
    expect(problems).toEqual([['app.py', 'httpOnly-missing', 'secure-missing', 'sameSite-missing']]);
  });

  it("spells Twisted's keyword in camel case, as its httpOnly", () => {
    const { after } = fix({
      'r.py':
        'from twisted.web import resource\n\n\ndef render(request):\n    request.addCookie(b"session_id", sid())\n',
    });
    expect(after['r.py']).toBe(
      'from twisted.web import resource\n\n\ndef render(request):\n' +
        '    request.addCookie(b"session_id", sid(), httpOnly=True, secure=True, sameSite="Lax")\n',
    );
  });
});

describe('SameSite in Java', () => {
  it('adds .sameSite("Lax") to a Spring builder chain, and nothing to a servlet Cookie (javax has no API)', () => {
    const chain =
      'import org.springframework.http.ResponseCookie;\n\nclass A {\n  ResponseCookie a(String v) {\n' +
      '    return ResponseCookie.from("sid", v)\n        .path("/")\n        .build();\n  }\n\n' +
      '  ResponseCookie b(String v) {\n    return ResponseCookie.from("sid", v).httpOnly(true).secure(true).sameSite("None").build();\n  }\n}\n';
    const servlet =
      'import javax.servlet.http.*;\n\nclass B {\n  void set(HttpServletResponse response, String v) {\n' +
      '    Cookie c = new Cookie("sid", v);\n    response.addCookie(c);\n  }\n}\n';
    const { after, problems } = fix({ 'A.java': chain, 'B.java': servlet });
    expect(after['A.java']).toBe(
      chain.replace(
        '        .path("/")\n',
        '        .path("/")\n        .httpOnly(true)\n        .secure(true)\n        .sameSite("Lax")\n',
      ),
    );
    expect(after['B.java']).toBe(
      servlet.replace(
        '    Cookie c = new Cookie("sid", v);\n',
        '    Cookie c = new Cookie("sid", v);\n    c.setHttpOnly(true);\n    c.setSecure(true);\n',
      ),
    );
    expect(problems).toEqual([
      ['A.java', 'httpOnly-missing', 'secure-missing', 'sameSite-missing'],
      ['A.java', 'sameSite-false'],
      ['B.java', 'httpOnly-missing', 'secure-missing'],
    ]);
  });
});

describe('SameSite for Ruby (opt-in)', () => {
  const controller = (body: string) => `class A < ApplicationController\n  def b\n${body}  end\nend\n`;

  it('writes same_site as a symbol, in the key style of the hash, and into a wrapped value', () => {
    const { after, problems } = fix({
      'app/controllers/a_controller.rb': controller(
        "    cookies[:sid] = { value: v, httponly: true, secure: true }\n    cookies[:auth_token] = { :value => v, :httponly => true, :secure => true }\n    cookies[:session_id] = 'x'\n",
      ),
      'config.ru': "use Rack::Session::Cookie, key: 'a', secure: true\n",
    });
    expect(after['app/controllers/a_controller.rb']).toBe(
      controller(
        "    cookies[:sid] = { value: v, httponly: true, secure: true, same_site: :lax }\n    cookies[:auth_token] = { :value => v, :httponly => true, :secure => true, :same_site => :lax }\n    cookies[:session_id] = { value: 'x', httponly: true, secure: true, same_site: :lax }\n",
      ),
    );
    expect(after['config.ru']).toBe("use Rack::Session::Cookie, key: 'a', secure: true, same_site: :lax\n");
    expect(problems).toEqual([
      ['app/controllers/a_controller.rb', 'sameSite-missing'],
      ['app/controllers/a_controller.rb', 'sameSite-missing'],
      ['app/controllers/a_controller.rb', 'httpOnly-missing', 'secure-missing', 'sameSite-missing'],
      ['config.ru', 'sameSite-missing'],
    ]);
  });

  it("reads Rack's spellings: symbols and capitalised strings are set, a lower-case string raises, None is deliberate", () => {
    const line = (value: string) =>
      `    cookies[:sid] = { value: v, httponly: true, secure: true, same_site: ${value} }\n`;
    const { after, result } = fix({
      'app/controllers/a_controller.rb': controller(
        [':strict', "'Lax'", 'true', "'lax'", ':none', 'nil'].map(line).join(''),
      ),
    });
    expect(result.findings.map((finding) => [finding.line, finding.problems, finding.outcome])).toEqual([
      [6, ['sameSite-unknown'], 'conditional'],
      [7, ['sameSite-false'], 'manual'],
      [8, ['sameSite-false'], 'fixable'],
    ]);
    expect(result.findings[0]!.notChangedReasons[0]).toContain("Rack raises an ArgumentError for `'lax'`");
    // A session cookie's nil (no attribute) becomes Lax; the deliberate :none stays.
    expect(after['app/controllers/a_controller.rb']).toBe(
      controller([':strict', "'Lax'", 'true', "'lax'", ':none', ':lax'].map(line).join('')),
    );
  });

  it("gin: a SetSameSite call of its own above the cookie's, unless the handler already sets a mode", () => {
    const handler = (body: string, imports = '\t"net/http"\n\n\t"github.com/gin-gonic/gin"\n') =>
      `package main\n\nimport (\n${imports})\n\nfunc login(c *gin.Context) {\n${body}}\n`;
    const cookie = '\tc.SetCookie("session", token(), 3600, "/", "", true, true)\n';
    const { after, problems, result } = fix({
      'a.go': handler(cookie),
      'b.go': handler(`\tc.SetSameSite(http.SameSiteStrictMode)\n${cookie}`),
      'c.go': handler(`\tc.SetSameSite(http.SameSiteNoneMode)\n${cookie.replace('"session"', '"prefs"')}`),
      'd.go': handler(cookie, '\t"github.com/gin-gonic/gin"\n'),
    });
    expect(after['a.go']).toBe(handler(`\tc.SetSameSite(http.SameSiteLaxMode)\n${cookie}`));
    expect(after['b.go']).toBe(handler(`\tc.SetSameSite(http.SameSiteStrictMode)\n${cookie}`));
    expect(after['c.go']).toBe(
      handler(`\tc.SetSameSite(http.SameSiteNoneMode)\n${cookie.replace('"session"', '"prefs"')}`),
    );
    expect(after['d.go']).toBe(handler(cookie, '\t"github.com/gin-gonic/gin"\n'));
    expect(problems).toEqual([
      ['a.go', 'sameSite-missing'],
      ['c.go', 'sameSite-false'],
      ['d.go', 'sameSite-missing'],
    ]);
    expect(
      result.findings.map((finding) => [finding.file, finding.outcome, finding.notChangedReasons]),
    ).toEqual([
      ['a.go', 'fixable', []],
      [
        'c.go',
        'manual',
        ['SameSite was turned off on purpose for a cookie that does not look like a session'],
      ],
      [
        'd.go',
        'manual',
        [
          'the file does not import net/http, which names the SameSite modes: call `c.SetSameSite(http.SameSiteLaxMode)` before the cookie by hand',
        ],
      ],
    ]);
  });

  it('gin: a session cookie sent with SameSite=None gets the configured mode', () => {
    const text =
      'package main\n\nimport (\n\tnethttp "net/http"\n\n\t"github.com/gin-gonic/gin"\n)\n\n' +
      'func login(c *gin.Context) {\n\tc.SetSameSite(nethttp.SameSiteNoneMode)\n' +
      '\tc.SetCookie("session", token(), 3600, "/", "", true, true)\n}\n';
    const { after } = fix({ 'a.go': text });
    expect(after['a.go']).toBe(text.replace('nethttp.SameSiteNoneMode', 'nethttp.SameSiteLaxMode'));
  });
});
