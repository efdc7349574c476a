// What a scan says about itself, through the bundled CLI: ignored sites, severity and weakness per finding,
// the config file used, what the built-in exclusions removed, and `paths` that match nothing.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliProcess, temporaryFolder } from './helpers.js';

function project(files: Record<string, string>): string {
  const folder = temporaryFolder();
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, file)), { recursive: true });
    writeFileSync(join(folder, file), text);
  }
  return folder;
}

/** The text report without the timing, which changes from run to run. */
function text(stdout: string): string {
  return stdout.replace(/ in \d+ ms\./, ' in N ms.');
}

describe('ignored sites', () => {
  it('say the reason their comment gave, and nothing about other cookies', () => {
    const folder = project({
      'app.js':
        '// cookie-hardener-ignore: the widget reads it from script\n' +
        "res.cookie('prefs', value);\n" +
        '// cookie-hardener-ignore\n' +
        "res.cookie('lang', value);\n",
    });
    const run = runCliProcess(['scan', folder]);
    expect(run.status).toBe(0);
    expect(text(run.stdout)).toBe(
      [
        'app.js:2:1  express-res-cookie  [ignored, medium]  Cookie "prefs" (res.cookie()): HttpOnly is not set; Secure is not set. Ignored by a cookie-hardener-ignore comment: the widget reads it from script.',
        'app.js:4:1  express-res-cookie  [ignored, medium]  Cookie "lang" (res.cookie()): HttpOnly is not set; Secure is not set. Ignored by a cookie-hardener-ignore comment (no reason given).',
        '2 findings (2 ignored); 1 file listed, 1 parsed in N ms.',
        '',
      ].join('\n'),
    );
  });
});

describe('severity and weakness', () => {
  it('are on every finding, in text and in JSON', () => {
    const folder = project({
      'app.js':
        "res.cookie('sid', id);\n" +
        "res.cookie('theme', value, { httpOnly: false, secure: true });\n" +
        '// cookie-hardener-ignore: set by the CDN too\n' +
        "res.cookie('edge', value);\n",
    });
    const run = runCliProcess(['scan', folder]);
    expect(run.status).toBe(1);
    expect(text(run.stdout)).toBe(
      [
        'app.js:1:1  express-res-cookie  [fixable, high, weak]  Cookie "sid" (res.cookie()): HttpOnly is not set; Secure is not set. Fix: httpOnly: true, secure: true.',
        'app.js:2:28  express-res-cookie  [manual, low]  Cookie "theme" (res.cookie()): HttpOnly is turned off. Not changed: HttpOnly was turned off on purpose for a cookie that does not look like a session; check why before changing it.',
        'app.js:4:1  express-res-cookie  [ignored, medium]  Cookie "edge" (res.cookie()): HttpOnly is not set; Secure is not set. Ignored by a cookie-hardener-ignore comment: set by the CDN too.',
        '3 findings (1 fixable, 1 need a human, 1 ignored); 1 file listed, 1 parsed in N ms.',
        '',
      ].join('\n'),
    );
    const json = JSON.parse(runCliProcess(['scan', folder, '--format', 'json']).stdout) as {
      findings: Array<Record<string, unknown>>;
    };
    expect(json.findings.map((f) => [f.cookie, f.outcome, f.severity, f.weak])).toEqual([
      ['sid', 'fixable', 'high', true],
      ['theme', 'manual', 'low', false],
      ['edge', 'ignored', 'medium', false],
    ]);
  });
});

describe('after fix', () => {
  it('a finding left for a person says why, even when its rule is set to report only', () => {
    const folder = project({
      '.github/cookie-hardener.yml': 'rules:\n  express-res-cookie: report\n',
      'app.js': "res.cookie('sid', id);\n",
      'h.py':
        'import tornado.web\n\nclass H(tornado.web.RequestHandler):\n    def get(self):\n' +
        '        self.set_secure_cookie("user", name)\n',
    });
    const run = runCliProcess(['fix', folder]);
    expect(run.status).toBe(1);
    expect(text(run.stdout)).toBe(
      [
        'app.js:1:1  express-res-cookie  [manual, high, weak]  Cookie "sid" (res.cookie()): HttpOnly is not set; Secure is not set. Fix: httpOnly: true, secure: true. Not changed: the configuration sets this rule to report only.',
        'h.py:5:9  tornado-set-cookie  [fixed, high]  Cookie "user" (RequestHandler.set_*cookie()): HttpOnly is not set; Secure is not set. Fix: httponly: True, secure: True.',
        '2 findings (1 fixed, 1 need a human); 2 files listed, 2 parsed in N ms.',
        '',
      ].join('\n'),
    );
  });
});
