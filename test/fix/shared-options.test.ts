// One options object used by cookies of different kinds: every change to it must suit all of them.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config.js';
import { scanFiles } from '../../src/scan.js';

function scan(files: Record<string, string>) {
  const result = scanFiles({
    files: Object.keys(files).sort(),
    read: (file) => (files[file] === undefined ? { skip: 'missing' } : { text: files[file]! }),
    config: DEFAULT_CONFIG,
  });
  const after = { ...files };
  for (const change of result.changes) after[change.file] = change.after;
  return {
    after,
    findings: result.findings.map((f) => [
      f.ruleId,
      f.cookie,
      f.problems.join(' '),
      f.outcome,
      f.notChangedReasons,
    ]),
  };
}

describe('shared options objects', () => {
  it('keeps httpOnly: false for a CSRF cookie that shares it with a session cookie, and still reports it', () => {
    const app = [
      "const { serialize } = require('cookie');",
      "const shared = { httpOnly: false, path: '/' };",
      // A signed token: the session cookie alone would have its false flipped.
      "res.cookie('sid', jwt.sign(claims, key), shared);",
      "res.setHeader('Set-Cookie', serialize('XSRF-TOKEN', token, shared));",
      '',
    ].join('\n');
    const { after, findings } = scan({ 'app.js': app });
    expect(after['app.js']).toBe(
      app.replace("{ httpOnly: false, path: '/' }", "{ httpOnly: false, path: '/', secure: true }"),
    );
    expect(findings).toEqual([
      ['cookie-serialize', 'XSRF-TOKEN', 'secure-missing', 'fixable', []],
      [
        'express-res-cookie',
        'sid',
        'httpOnly-false secure-missing',
        'manual',
        ['the same options object is used by a cookie that must not get this flag'],
      ],
    ]);
  });

  it("reports a session cookie's missing HttpOnly even when a CSRF cookie shares its options", () => {
    const app = [
      "const shared = { path: '/' };",
      "res.cookie('sid', a, shared);",
      "res.cookie('XSRF-TOKEN', b, shared);",
      '',
    ].join('\n');
    const { after, findings } = scan({ 'app.js': app });
    expect(after['app.js']).toBe(app.replace("{ path: '/' }", "{ path: '/', secure: true }"));
    expect(findings).toEqual([
      [
        'express-res-cookie',
        'sid',
        'httpOnly-missing secure-missing',
        'manual',
        ['the same options object is used by a cookie that must not get this flag'],
      ],
      ['express-res-cookie', 'XSRF-TOKEN', 'secure-missing', 'fixable', []],
    ]);
  });

  it('fixes a helper function shared by a session and a CSRF cookie so that both still work, citing both calls', () => {
    const helper = [
      'function cookieOptions(maxAge) {',
      "  return { maxAge, sameSite: 'lax' };",
      '}',
      '',
      'module.exports = { cookieOptions };',
      '',
    ].join('\n');
    const routes = [
      "const { cookieOptions } = require('./cookies');",
      '',
      'function login(req, res) {',
      "  res.cookie('sid', req.sessionID, cookieOptions(3600));",
      "  res.cookie('XSRF-TOKEN', req.csrfToken(), cookieOptions(3600));",
      '}',
      '',
    ].join('\n');
    const result = scanFiles({
      files: ['src/cookies.js', 'src/routes.js'],
      read: (file) => ({ text: file === 'src/cookies.js' ? helper : routes }),
      config: DEFAULT_CONFIG,
    });
    expect(result.changes.map((change) => [change.file, change.after])).toEqual([
      ['src/cookies.js', helper.replace("sameSite: 'lax' }", "sameSite: 'lax', secure: true }")],
    ]);
    expect(
      result.findings.map((f) => [f.cookie, f.file, f.line, f.problems.join(' '), f.outcome, f.usedAt]),
    ).toEqual([
      ['sid', 'src/cookies.js', 2, 'httpOnly-missing secure-missing', 'manual', ['src/routes.js:4']],
      ['XSRF-TOKEN', 'src/cookies.js', 2, 'secure-missing', 'fixable', ['src/routes.js:5']],
    ]);
    expect(result.findings[0]!.notChangedReasons).toEqual([
      'the same options object is used by a cookie that must not get this flag',
    ]);
  });

  it('adds no HttpOnly to a helper whose options also serve a cookie browser code reads', () => {
    const routes = [
      'function sessionOptions() {',
      "  return { path: '/' };",
      '}',
      '',
      'function login(req, res) {',
      "  res.cookie('session', req.sessionID, sessionOptions());",
      "  res.cookie('sessions', req.body.teams, sessionOptions());",
      '}',
      '',
    ].join('\n');
    const store = [
      "import { getCookie } from './cookies';",
      '',
      'export function pickedTeams() {',
      "  return JSON.parse(getCookie('sessions') || '[]');",
      '}',
      '',
    ].join('\n');
    const { after, findings } = scan({ 'server/routes.js': routes, 'web/src/store.js': store });
    expect(after['server/routes.js']).toBe(routes.replace("{ path: '/' }", "{ path: '/', secure: true }"));
    expect(findings).toEqual([
      [
        'express-res-cookie',
        null,
        'httpOnly-missing secure-missing',
        'fixable',
        [
          "browser code in this project uses the cookie, and HttpOnly would hide it from that code: `getCookie('sessions')` reads this cookie in browser code (web/src/store.js:4)",
        ],
      ],
    ]);
  });

  it('fixes a Python helper shared by a session and a CSRF cookie so that both still work', () => {
    const views = [
      'from flask import make_response, request',
      '',
      '',
      'def cookie_kwargs():',
      '    return {"samesite": "Lax"}',
      '',
      '',
      'def login():',
      '    resp = make_response("ok")',
      '    resp.set_cookie("session", request.form["token"], **cookie_kwargs())',
      '    resp.set_cookie("csrf_token", request.form["csrf"], **cookie_kwargs())',
      '    return resp',
      '',
    ].join('\n');
    const { after, findings } = scan({ 'app/views.py': views });
    expect(after['app/views.py']).toBe(
      views.replace('{"samesite": "Lax"}', '{"samesite": "Lax", "secure": True}'),
    );
    expect(findings).toEqual([
      [
        'flask-set-cookie',
        'session',
        'httpOnly-missing secure-missing',
        'manual',
        ['the same options object is used by a cookie that must not get this flag'],
      ],
      ['flask-set-cookie', 'csrf_token', 'secure-missing', 'fixable', []],
    ]);
  });

  it('flips a shared httpOnly: false only when every call that uses it sets a signed value', () => {
    const routes = [
      'function sessionOptions() {',
      '  return { httpOnly: false, secure: true };',
      '}',
      '',
      'function login(req, res) {',
      "  res.cookie('sid', jwt.sign(claims, key), sessionOptions());",
      "  res.cookie('session', req.body.session, sessionOptions());",
      '}',
      '',
    ].join('\n');
    const { after, findings } = scan({ 'routes.js': routes });
    expect(after['routes.js']).toBe(routes);
    expect(findings).toEqual([
      [
        'express-res-cookie',
        null,
        'httpOnly-false',
        'manual',
        [
          "HttpOnly was turned off on purpose, and nothing shows this is a server-side session cookie (a session middleware's own cookie or a signed token); the name alone is not enough to change it",
        ],
      ],
    ]);
    // Alone, the signed call is evidence enough.
    const signed = routes.replace("  res.cookie('session', req.body.session, sessionOptions());\n", '');
    expect(scan({ 'routes.js': signed }).after['routes.js']).toBe(
      signed.replace('{ httpOnly: false, secure: true }', '{ httpOnly: true, secure: true }'),
    );
  });
});
