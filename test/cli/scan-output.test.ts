// What a scan says about itself, through the bundled CLI: ignored sites, severity and weakness per finding,
// the config file used, what the built-in exclusions removed, and `paths` that match nothing.
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
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
  return stdout.replace(/ in \d+ ms\b/, ' in N ms');
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
        'No weak findings: exit 0.',
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
        '1 weak finding left, fixable with `cookie-hardener fix`: exit 1.',
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
        '2 findings (1 fixed, 1 need a human); 2 files listed, 2 parsed in N ms; config: .github/cookie-hardener.yml.',
        '1 weak finding left for a human: exit 1.',
        '',
      ].join('\n'),
    );
  });
});

describe('the config file', () => {
  it('is the nearest one between the scanned folder and the repository root, and the summary names it', () => {
    const root = project({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.github/cookie-hardener.yml': 'flags: [secure]\n',
      'packages/api/cookie-hardener.yml': 'flags: [httpOnly, sameSite=strict]\n',
      'packages/api/src/app.js': "res.cookie('sid', id);\n",
      'packages/web/src/app.js': "res.cookie('sid', id);\n",
    });
    expect(text(runCliProcess(['scan', 'packages/api/src'], root).stdout)).toBe(
      [
        'app.js:1:1  express-res-cookie  [fixable, high, weak]  Cookie "sid" (res.cookie()): HttpOnly is not set; SameSite is not set. Fix: httpOnly: true, sameSite: \'strict\'.',
        '1 finding (1 fixable); 1 file listed, 1 parsed in N ms; config: ../cookie-hardener.yml.',
        '1 weak finding left, fixable with `cookie-hardener fix`: exit 1.',
        '',
      ].join('\n'),
    );
    expect(text(runCliProcess(['scan', 'packages/web'], root).stdout)).toBe(
      [
        'src/app.js:1:1  express-res-cookie  [fixable, high, weak]  Cookie "sid" (res.cookie()): Secure is not set. Fix: secure: true.',
        '1 finding (1 fixable); 1 file listed, 1 parsed in N ms; config: ../../.github/cookie-hardener.yml.',
        '1 weak finding left, fixable with `cookie-hardener fix`: exit 1.',
        '',
      ].join('\n'),
    );
  });

  it('is not looked for above the repository root, and two in one folder are a mistake', () => {
    const outer = project({ 'cookie-hardener.yml': 'flags: [secure]\n' });
    const root = join(outer, 'repo');
    mkdirSync(join(root, '.git'), { recursive: true });
    writeFileSync(join(root, 'app.js'), "res.cookie('sid', id);\n");
    expect(text(runCliProcess(['scan', root]).stdout)).toBe(
      [
        'app.js:1:1  express-res-cookie  [fixable, high, weak]  Cookie "sid" (res.cookie()): HttpOnly is not set; Secure is not set. Fix: httpOnly: true, secure: true.',
        '1 finding (1 fixable); 1 file listed, 1 parsed in N ms.',
        '1 weak finding left, fixable with `cookie-hardener fix`: exit 1.',
        '',
      ].join('\n'),
    );
    mkdirSync(join(root, '.github'));
    writeFileSync(join(root, '.github', 'cookie-hardener.yml'), 'flags: [secure]\n');
    writeFileSync(join(root, 'cookie-hardener.yml'), 'flags: [secure]\n');
    const both = runCliProcess(['scan', root]);
    expect(both.status).toBe(2);
    expect(both.stderr).toBe(
      'cookie-hardener: two config files in one folder: .github/cookie-hardener.yml and cookie-hardener.yml; keep one\n',
    );
  });

  it('refuses a linked .github folder in a parent too', () => {
    const root = project({ '.git/HEAD': 'x\n', 'elsewhere/cookie-hardener.yml': 'flags: [secure]\n' });
    symlinkSync(join(root, 'elsewhere'), join(root, '.github'));
    mkdirSync(join(root, 'api'));
    writeFileSync(join(root, 'api', 'app.js'), "res.cookie('sid', id);\n");
    const run = runCliProcess(['scan', join(root, 'api')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      'cookie-hardener: ../.github/cookie-hardener.yml: the config file is refused: .github is a symbolic link (not followed)\n',
    );
  });
});

describe('no silent zeros', () => {
  const files = {
    'src/app.js': "res.cookie('sid', id);\n",
    'vendor/our-lib/session.js': "res.cookie('token', t);\n",
    'vendor/other/a.js': "res.cookie('a', t);\n",
    'vendor/other/b.js': "res.cookie('b', t);\n",
    'dist/app.js': "res.cookie('sid', id);\n",
    'public/app.min.js': "res.cookie('x', y);\n",
  };

  it('names what the built-in exclusions removed in the summary line', () => {
    const folder = project(files);
    // A walk does not enter the folders it skips, so it cannot count their files; git lists them.
    expect(
      text(runCliProcess(['scan', folder, '--quiet']).stdout)
        .split('\n')
        .slice(-3),
    ).toEqual([
      '1 finding (1 fixable); 1 file listed, 1 parsed in N ms; skipped 2 folders by default: dist/ (not entered), vendor/ (not entered); skipped 1 minified or bundled file.',
      '1 weak finding left, fixable with `cookie-hardener fix`: exit 1.',
      '',
    ]);
    execFileSync('git', ['init', '-q'], { cwd: folder });
    expect(
      text(runCliProcess(['scan', folder, '--quiet']).stdout)
        .split('\n')
        .slice(-3),
    ).toEqual([
      '1 finding (1 fixable); 1 file listed, 1 parsed in N ms; skipped 2 folders by default: vendor/ (3 files), dist/ (1 file); skipped 1 minified or bundled file.',
      '1 weak finding left, fixable with `cookie-hardener fix`: exit 1.',
      '',
    ]);
  });

  it('scans a folder a built-in exclusion skips when `paths` names it, listed by a walk or by git', () => {
    const folder = project({
      ...files,
      'src/vendor/copy.js': "res.cookie('c', t);\n",
      'cookie-hardener.yml': 'paths: [src, vendor/our-lib/**]\n',
    });
    const walked = runCliProcess(['scan', folder]);
    execFileSync('git', ['init', '-q'], { cwd: folder });
    const run = runCliProcess(['scan', folder]);
    expect(text(walked.stdout)).toBe(
      text(run.stdout).replace('src/vendor/ (1 file)', 'src/vendor/ (not entered)'),
    );
    expect(run.stderr).toBe('');
    expect(text(run.stdout)).toBe(
      [
        'src/app.js:1:1  express-res-cookie  [fixable, high, weak]  Cookie "sid" (res.cookie()): HttpOnly is not set; Secure is not set. Fix: httpOnly: true, secure: true.',
        'vendor/our-lib/session.js:1:1  express-res-cookie  [fixable, high, weak]  Cookie "token" (res.cookie()): HttpOnly is not set; Secure is not set. Fix: httpOnly: true, secure: true.',
        '2 findings (2 fixable); 2 files listed, 2 parsed in N ms; skipped 1 folder by default: src/vendor/ (1 file); config: cookie-hardener.yml.',
        '2 weak findings left, fixable with `cookie-hardener fix`: exit 1.',
        '',
      ].join('\n'),
    );
  });

  it('warns, naming the entry, when `paths` matches nothing', () => {
    const folder = project({ ...files, 'cookie-hardener.yml': 'paths: [src, app/**/*.py]\n' });
    const run = runCliProcess(['scan', folder, '--format', 'json']);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('cookie-hardener: warning: `paths` entry "app/**/*.py" matches no file\n');
    const empty = runCliProcess(['scan', project({ ...files, 'cookie-hardener.yml': 'paths: [public]\n' })]);
    expect(empty.stderr).toBe(
      'cookie-hardener: warning: `paths` ("public") selects no JavaScript, TypeScript or Python file to scan\n',
    );
  });
});
