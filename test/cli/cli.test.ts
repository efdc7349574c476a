import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, copyExamples, runCliProcess, snapshotTree, temporaryFolder } from './helpers.js';

const EXAMPLE_FINDINGS = [
  [
    'express-app/src/cookie-options.js',
    2,
    23,
    'express-res-cookie',
    'refresh_token',
    ['secure-missing'],
    'fixable',
  ],
  ['express-app/src/server.js', 12, 13, 'express-session', null, ['secure-missing'], 'fixable'],
  [
    'express-app/src/server.js',
    18,
    3,
    'express-res-cookie',
    'token',
    ['httpOnly-missing', 'secure-missing'],
    'fixable',
  ],
  [
    'express-app/src/server.js',
    24,
    39,
    'express-res-cookie',
    'theme',
    ['httpOnly-missing', 'secure-missing'],
    'fixable',
  ],
  ['express-app/src/server.js', 29, 45, 'express-res-cookie', 'XSRF-TOKEN', ['secure-false'], 'manual'],
  [
    'tornado-app/app/handlers.py',
    27,
    9,
    'tornado-set-cookie',
    'theme',
    ['httpOnly-missing', 'secure-missing'],
    'fixable',
  ],
  ['tornado-app/config/settings.py', 7, 19, 'tornado-set-cookie', 'user', ['httpOnly-missing'], 'fixable'],
  ['tornado-app/config/settings.py', 14, 5, 'tornado-xsrf-cookie', '_xsrf', ['secure-missing'], 'fixable'],
];

interface JsonReport {
  version: number;
  findings: Array<Record<string, unknown>>;
  skipped: Array<{ file: string; reason: string }>;
  stats: { filesListed: number; filesParsed: number; ms: number };
  cookies: Array<{
    file: string;
    line: number;
    names: string[];
    kind: string;
    expected: Record<string, string>;
    reasons: Record<string, string>;
  }>;
}

function summarize(report: JsonReport) {
  return report.findings.map((f) => [f.file, f.line, f.column, f.ruleId, f.cookie, f.problems, f.outcome]);
}

describe('cookie-hardener scan', () => {
  it('reports the example apps as JSON in the documented shape', () => {
    const run = runCliProcess(['scan', copyExamples(), '--format', 'json']);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(Object.keys(report)).toEqual(['version', 'findings', 'skipped', 'stats', 'cookies']);
    expect(report.version).toBe(1);
    expect(summarize(report)).toEqual(EXAMPLE_FINDINGS);
    expect(Object.keys(report.findings[0]!)).toEqual([
      'ruleId',
      'framework',
      'file',
      'line',
      'column',
      'cookie',
      'problems',
      'outcome',
      'severity',
      'weak',
      'message',
      'evidence',
      'beforeMerging',
      'baselined',
    ]);
    expect(report.findings[2]!.message).toBe(
      'Cookie "token" (res.cookie()): HttpOnly is not set; Secure is not set. Fix: httpOnly: true, secure: true.',
    );
    expect(report.skipped).toEqual([]);
    expect(report.stats.filesListed).toBe(7);
    expect(report.stats.filesParsed).toBe(5);
    // Every cookie site, fine or not, with the flags the code gives it once fixed: what `verify` expects live.
    expect(report.cookies.map((c) => [c.file, c.line, c.names, c.kind, c.expected, c.reasons])).toEqual([
      [
        'express-app/src/cookie-options.js',
        2,
        ['refresh_token'],
        'session',
        { httpOnly: 'required', secure: 'required' },
        {},
      ],
      // express-session's own name, and `secure: 'auto'` (the fix) gives Secure on HTTPS requests only.
      [
        'express-app/src/server.js',
        12,
        ['connect.sid'],
        'session',
        { httpOnly: 'required', secure: 'https' },
        {},
      ],
      [
        'express-app/src/server.js',
        18,
        ['token'],
        'session',
        { httpOnly: 'required', secure: 'required' },
        {},
      ],
      [
        'express-app/src/server.js',
        24,
        ['theme'],
        'other',
        { httpOnly: 'not-required', secure: 'required' },
        { httpOnly: 'it does not look like a session cookie' },
      ],
      [
        'express-app/src/server.js',
        29,
        ['XSRF-TOKEN'],
        'csrf',
        { httpOnly: 'not-required', secure: 'required' },
        { httpOnly: 'script reads CSRF tokens' },
      ],
      [
        'tornado-app/app/handlers.py',
        27,
        ['theme'],
        'other',
        { httpOnly: 'not-required', secure: 'required' },
        { httpOnly: 'it does not look like a session cookie' },
      ],
      [
        'tornado-app/config/settings.py',
        7,
        ['user'],
        'session',
        { httpOnly: 'required', secure: 'required' },
        {},
      ],
      [
        'tornado-app/config/settings.py',
        14,
        ['_xsrf'],
        'csrf',
        { httpOnly: 'not-required', secure: 'required' },
        { httpOnly: 'this API has no such option' },
      ],
    ]);
  });

  it('prints one line per finding and a summary in text', () => {
    const run = runCliProcess(['scan', '.'], join(copyExamples(), 'tornado-app'));
    expect(run.status).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.slice(0, 3)).toEqual([
      'app/handlers.py:27:9  tornado-set-cookie  [fixable, medium, weak]  Cookie "theme" (RequestHandler.set_*cookie()): HttpOnly is not set; Secure is not set. Fix: secure: True. Not changed: front-end code may read this cookie; add HttpOnly by hand if no script needs it.',
      'config/settings.py:7:19  tornado-set-cookie  [fixable, high, weak]  Cookie "user" (RequestHandler.set_*cookie()): HttpOnly is not set. Fix: httponly: True.',
      'config/settings.py:14:5  tornado-xsrf-cookie  [fixable, medium, weak]  Cookie "_xsrf" (xsrf_cookie_kwargs): Secure is not set. Fix: secure: True.',
    ]);
    expect(lines[3]).toMatch(/^3 findings \(3 fixable\); 5 files listed, 3 parsed in \d+ ms\.$/);
    expect(lines.slice(4)).toEqual(['3 weak findings left, fixable with `cookie-hardener fix`: exit 1.']);
  });

  it('exits 2 with one line for a folder that does not exist', () => {
    const run = runCliProcess(['scan', '/no/such/folder']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('cookie-hardener: path not found: /no/such/folder\n');
    expect(run.stdout).toBe('');
  });

  it('exits 2 on usage mistakes', () => {
    expect(runCliProcess(['scan', '--format', 'xml']).stderr).toBe(
      'cookie-hardener: `--format` must be text, json, sarif or markdown (got "xml")\n',
    );
    expect(runCliProcess(['lint']).status).toBe(2);
    expect(runCliProcess(['scan', '--bogus']).stderr).toBe(
      'cookie-hardener: unknown option `--bogus` (see `--help`)\n',
    );
    expect(runCliProcess(['scan', '--dry-run']).stderr).toBe(
      'cookie-hardener: `--dry-run` only applies to `fix`\n',
    );
    const config = runCliProcess(['scan', '.', '--config', 'x.yml'], temporaryFolder());
    expect(config.status).toBe(2);
    expect(config.stderr).toBe('cookie-hardener: cannot read the config file x.yml: ENOENT\n');
  });

  it('exits 0 when nothing is weak', () => {
    const folder = temporaryFolder();
    writeFileSync(join(folder, 'app.js'), "res.cookie('sid', id, { httpOnly: true, secure: true });\n");
    const run = runCliProcess(['scan', folder]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      /^0 findings; 1 file listed, 1 parsed in \d+ ms\.\nNo weak findings: exit 0\.\n$/,
    );
  });
});

describe('cookie-hardener fix', () => {
  it('--dry-run prints the findings and the diff and writes nothing', () => {
    const folder = copyExamples();
    const before = snapshotTree(folder);
    const run = runCliProcess(['fix', '--dry-run', join(folder, 'tornado-app')]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(
      [
        '--- a/config/settings.py',
        '+++ b/config/settings.py',
        '@@ -6,6 +6,7 @@',
        ' # Shared options for every cookie the handlers set.',
        ' cookie_settings = {',
        '     "secure": True,',
        '+    "httponly": True,',
        ' }',
        ' ',
        ' application_settings = {',
      ].join('\n'),
    );
    expect(snapshotTree(folder)).toEqual(before);
  });

  it('fixes the seed-shaped Tornado app byte for byte, and a second run changes nothing', () => {
    const folder = copyExamples();
    const app = join(folder, 'tornado-app');
    const before = snapshotTree(app);
    const first = runCliProcess(['fix', app, '--format', 'json']);
    expect(first.status).toBe(0);
    expect((JSON.parse(first.stdout) as JsonReport).findings.map((f) => f.outcome)).toEqual([
      'fixed',
      'fixed',
      'fixed',
    ]);
    const after = snapshotTree(app);
    const changed = [...after].filter(([file, text]) => before.get(file) !== text).map(([file]) => file);
    expect(changed.sort()).toEqual(['app/handlers.py', 'config/settings.py']);
    expect(after.get('config/settings.py')).toBe(
      before
        .get('config/settings.py')!
        .replace('    "secure": True,\n}', '    "secure": True,\n    "httponly": True,\n}')
        .replace(
          '    "debug": False,\n}',
          '    "debug": False,\n    "xsrf_cookie_kwargs": {"secure": True},\n}',
        ),
    );
    expect(after.get('app/handlers.py')).toBe(
      before
        .get('app/handlers.py')!
        .replace('self.set_cookie("theme", theme)', 'self.set_cookie("theme", theme, secure=True)'),
    );
    const second = runCliProcess(['fix', app, '--format', 'json']);
    expect(second.status).toBe(0);
    // Only the low-severity note stays: a preference cookie's HttpOnly is for a person to decide.
    expect(summarize(JSON.parse(second.stdout) as JsonReport)).toEqual([
      ['app/handlers.py', 27, 9, 'tornado-set-cookie', 'theme', ['httpOnly-missing'], 'manual'],
    ]);
    expect(snapshotTree(app)).toEqual(after);
  });

  it('keeps a UTF-8 byte order mark and CRLF line endings', () => {
    const folder = temporaryFolder();
    const file = join(folder, 'login.js');
    writeFileSync(file, "\uFEFFres.cookie('sid', id);\r\nmodule.exports = {};\r\n");
    expect(runCliProcess(['fix', folder]).status).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(
      "\uFEFFres.cookie('sid', id, { httpOnly: true, secure: true });\r\nmodule.exports = {};\r\n",
    );
  });
});

describe('Python the grammar does not know', () => {
  it('still fixes a cookie in a file whose other statements the parser rejects', () => {
    const folder = temporaryFolder();
    const text = [
      'import tornado.web',
      '',
      '',
      'class H(tornado.web.RequestHandler):',
      '    def get(self):',
      '        self.set_secure_cookie("user", name)',
      '',
      '    def fixture(self):',
      '        yield',
      '        match self.kind:',
      '            case "a":',
      '                pass',
      '',
    ].join('\n');
    writeFileSync(join(folder, 'handlers.py'), text);
    const run = runCliProcess(['fix', folder]);
    expect(run.status).toBe(0);
    expect(readFileSync(join(folder, 'handlers.py'), 'utf8')).toBe(
      text.replace(
        'set_secure_cookie("user", name)',
        'set_secure_cookie("user", name, httponly=True, secure=True)',
      ),
    );
  });
});

describe('repository configuration', () => {
  it('applies .github/cookie-hardener.yml: excluded paths, report-only rules, flags', () => {
    const folder = temporaryFolder();
    mkdirSync(join(folder, '.github'));
    mkdirSync(join(folder, 'legacy'));
    writeFileSync(join(folder, 'legacy', 'old.js'), "res.cookie('sid', id);\n");
    writeFileSync(join(folder, 'app.js'), "res.cookie('sid', id);\napp.use(session({ secret: 's' }));\n");
    writeFileSync(
      join(folder, '.github', 'cookie-hardener.yml'),
      'exclude: [legacy]\nflags: [secure]\nrules:\n  express-res-cookie: report\n',
    );
    const run = runCliProcess(['fix', folder, '--format', 'json']);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(summarize(report)).toEqual([
      ['app.js', 1, 1, 'express-res-cookie', 'sid', ['secure-missing'], 'manual'],
    ]);
    expect(readFileSync(join(folder, 'app.js'), 'utf8')).toBe(
      "res.cookie('sid', id);\napp.use(session({ secret: 's' }));\n",
    );
  });

  it('stops with the file and line of a bad setting', () => {
    const folder = temporaryFolder();
    mkdirSync(join(folder, '.github'));
    writeFileSync(
      join(folder, '.github', 'cookie-hardener.yml'),
      'paths: [src]\nflags: [secure, samesyte]\n',
    );
    const run = runCliProcess(['scan', folder]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      'cookie-hardener: .github/cookie-hardener.yml:2: unknown flag `samesyte`: use httpOnly, secure or sameSite\n',
    );
  });
});

describe('bad input never crashes a scan or corrupts a file', () => {
  it('skips broken, binary, non-UTF-8, empty and linked files with a reason', () => {
    const folder = temporaryFolder();
    const outside = temporaryFolder();
    writeFileSync(join(outside, 'secret.js'), "res.cookie('sid', id);\n");
    writeFileSync(join(folder, 'broken.js'), "res.cookie('sid', id, {\n");
    writeFileSync(join(folder, 'broken.py'), 'import tornado.web\nself.set_cookie("sid", v\n');
    writeFileSync(
      join(folder, 'binary.js'),
      Buffer.concat([Buffer.from('res.cookie'), Buffer.from([0x00, 0x01, 0x02])]),
    );
    writeFileSync(join(folder, 'latin1.py'), Buffer.from('x = "caf\xe9"  # cookie\n', 'latin1'));
    writeFileSync(join(folder, 'empty.ts'), '');
    symlinkSync(join(outside, 'secret.js'), join(folder, 'link.js'));
    mkdirSync(join(folder, 'node_modules', 'lib'), { recursive: true });
    writeFileSync(join(folder, 'node_modules', 'lib', 'index.js'), "res.cookie('sid', id);\n");
    const before = snapshotTree(folder);
    const run = runCliProcess(['fix', folder, '--format', 'json']);
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.findings).toEqual([]);
    expect(report.skipped).toEqual([
      { file: 'binary.js', reason: 'binary file' },
      { file: 'broken.js', reason: 'syntax error at line 2, column 1: Unexpected token' },
      { file: 'latin1.py', reason: 'not valid UTF-8' },
      { file: 'link.js', reason: 'symbolic link (not followed)' },
    ]);
    expect(snapshotTree(folder)).toEqual(before);
    expect(readFileSync(join(outside, 'secret.js'), 'utf8')).toBe("res.cookie('sid', id);\n");
  });
});

describe('output into a pipe that closes early', () => {
  it('ends quietly with the usual exit code when the reader stops (`scan | head -c 1`)', () => {
    const folder = temporaryFolder();
    // Far more output than a pipe buffers, so the reader is gone while the CLI is still writing.
    const calls = Array.from({ length: 3000 }, (_, index) => `  res.cookie('c${index}', value);`).join('\n');
    writeFileSync(join(folder, 'app.js'), `app.get('/', (req, res) => {\n${calls}\n});\n`);
    const err = join(folder, 'stderr.txt');
    const code = join(folder, 'code.txt');
    const result = spawnSync(
      'sh',
      [
        '-c',
        `( "$0" "$1" scan "$2" 2>"$3"; echo $? >"$4" ) | head -c 1 >/dev/null`,
        process.execPath,
        CLI,
        folder,
        err,
        code,
      ],
      { encoding: 'utf8' },
    );
    expect(result.status).toBe(0);
    expect(readFileSync(err, 'utf8')).toBe('');
    expect(readFileSync(code, 'utf8').trim()).toBe('1'); // weak findings remain, as without the pipe
  });
});
