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
});
