// Options that live in a project module the scan did not read (a pull-request review reads only the changed
// files) are not "unreadable": they are judged when their module is scanned. Options that no scan can read
// (a parameter, a call result) are reported as unknown.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config.js';
import { scanFiles } from '../../src/scan.js';

const TEXTS = new Map([
  [
    'src/routes.js',
    [
      "const { cookieOptions } = require('./cookie-options');",
      '',
      'function login(req, res, options) {',
      "  res.cookie('sid', req.sessionID, cookieOptions);",
      "  res.cookie('theme', 'dark', options);",
      '}',
      '',
      'module.exports = { login };',
      '',
    ].join('\n'),
  ],
  ['src/cookie-options.js', 'exports.cookieOptions = { path: "/" };\n'],
]);

function scan(files: string[]) {
  return scanFiles({
    files,
    read: (file) => {
      const text = TEXTS.get(file);
      return text === undefined ? { skip: 'missing' } : { text };
    },
    config: DEFAULT_CONFIG,
  });
}

describe('options outside the scanned files', () => {
  it('reports only the parameter when the options module is not scanned', () => {
    const result = scan(['src/routes.js']);
    expect(result.findings.map((f) => [f.file, f.line, f.cookie, f.problems, f.outcome])).toEqual([
      ['src/routes.js', 5, 'theme', ['httpOnly-unknown', 'secure-unknown'], 'conditional'],
    ]);
    expect(result.findings[0]!.message).toBe(
      'Cookie "theme" (res.cookie()): HttpOnly cannot be determined; Secure cannot be determined. Not changed: HttpOnly cannot be read statically: `options` is a parameter; Secure cannot be read statically: `options` is a parameter.',
    );
    expect(result.changes).toEqual([]);
  });

  it('judges and fixes the imported options when their module is scanned', () => {
    const result = scan(['src/cookie-options.js', 'src/routes.js']);
    expect(result.findings.map((f) => [f.file, f.line, f.cookie, f.problems, f.outcome])).toEqual([
      ['src/cookie-options.js', 1, 'sid', ['httpOnly-missing', 'secure-missing'], 'fixable'],
      ['src/routes.js', 5, 'theme', ['httpOnly-unknown', 'secure-unknown'], 'conditional'],
    ]);
    expect(result.changes.map((change) => change.after)).toEqual([
      'exports.cookieOptions = { path: "/", httpOnly: true, secure: true };\n',
    ]);
  });
});
