// Hostile input through the bundled CLI, as a person or a CI job would run it: huge and odd files, odd
// bytes, odd line endings, links that loop or lead out, special files, a bad config. Every case must end in
// a clear message or a `skipped` entry, never a crash or a hang, and nothing outside the scanned folder may be
// read or written: each run is traced (trace.ts) and a sibling folder is checked byte for byte and by mtime.
import { execFileSync } from 'node:child_process';
import {
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryFolder } from '../cli/helpers.js';
import { callsOutside, runTraced, type TracedRun } from './trace.js';

interface JsonReport {
  findings: Array<{
    ruleId: string;
    file: string;
    line: number;
    cookie: string | null;
    outcome: string;
    message: string;
  }>;
  skipped: Array<{ file: string; reason: string }>;
  stats: { filesListed: number; filesParsed: number };
}

const MIB = 1024 * 1024;
const WEAK_OUTSIDE = "res.cookie('sid', token);\n";

interface Sandbox {
  /** The folder handed to the CLI. */
  root: string;
  /** A sibling the CLI must never read or write; it holds a weak cookie a leak would report. */
  outside: string;
}

function sandbox(): Sandbox {
  const base = temporaryFolder();
  const root = join(base, 'scanned');
  const outside = join(base, 'outside');
  mkdirSync(root);
  mkdirSync(join(outside, '.github'), { recursive: true });
  writeFileSync(join(outside, 'secret.js'), WEAK_OUTSIDE);
  writeFileSync(join(outside, 'settings.py'), 'resp.set_cookie("sid", token)\n');
  writeFileSync(join(outside, '.github', 'cookie-hardener.yml'), 'fix-tests: true\n');
  return { root, outside };
}

/** Contents and modification times of every entry, links not followed. */
function fingerprint(folder: string): Record<string, string> {
  const entries: Record<string, string> = {};
  const visit = (path: string) => {
    for (const name of readdirSync(path)) {
      const full = join(path, name);
      const stats = lstatSync(full);
      if (stats.isDirectory()) visit(full);
      entries[full] =
        `${stats.mtimeMs}:${stats.size}:` + (stats.isFile() ? readFileSync(full, 'latin1') : stats.mode);
    }
  };
  visit(folder);
  return entries;
}

/** Runs the CLI and holds it to the invariants every hostile case shares. */
function run(box: Sandbox, args: string[], roots: string[] = [box.root], timeoutMs = 20_000): TracedRun {
  const before = fingerprint(box.outside);
  const result = runTraced(args, { timeoutMs });
  expect(result.signal, `killed (hang?) after ${Math.round(result.ms)} ms: ${result.stderr}`).toBeNull();
  expect(result.stderr).not.toContain('unexpected error');
  expect(callsOutside(result.calls, roots)).toEqual([]);
  expect(fingerprint(box.outside)).toEqual(before);
  return result;
}

function report(result: TracedRun): JsonReport {
  expect([0, 1]).toContain(result.status);
  return JSON.parse(result.stdout) as JsonReport;
}

function bytesRead(result: TracedRun, path: string): number {
  return result.calls
    .filter((call) => call.path === path && (call.op === 'readFileSync' || call.op === 'readSync'))
    .reduce((total, call) => total + (call.bytes ?? 0), 0);
}

describe('hostile input: size', () => {
  it('skips files over 1 MiB from their size alone, never reading them, and still reads a file of exactly 1 MiB', () => {
    const box = sandbox();
    const big = join(box.root, 'big.js');
    const huge = join(box.root, 'huge.py');
    // Sparse files: a cookie call, then a hole. Creating them costs nothing; reading them would.
    writeFileSync(big, "res.cookie('sid', token);\n");
    truncateSync(big, MIB + 1);
    writeFileSync(huge, 'resp.set_cookie("sid", token)\n');
    truncateSync(huge, 100 * MIB);
    const head = "res.cookie('sid', token, { path: '/' });\n";
    const filler = `// ${'x'.repeat(60)}\n`;
    const count = Math.floor((MIB - head.length) / filler.length);
    const rest = MIB - head.length - count * filler.length;
    writeFileSync(join(box.root, 'limit.js'), head + filler.repeat(count) + '/'.repeat(rest));
    expect(statSync(join(box.root, 'limit.js')).size).toBe(MIB);

    const result = run(box, ['scan', box.root, '--format', 'json']);
    const json = report(result);
    expect(json.skipped).toEqual([
      { file: 'big.js', reason: 'larger than 1 MiB (1048577 bytes)' },
      { file: 'huge.py', reason: 'larger than 1 MiB (104857600 bytes)' },
    ]);
    expect(json.findings.map((finding) => [finding.file, finding.line, finding.cookie])).toEqual([
      ['limit.js', 1, 'sid'],
    ]);
    expect(bytesRead(result, big)).toBe(0);
    expect(bytesRead(result, huge)).toBe(0);
    expect(bytesRead(result, join(box.root, 'limit.js'))).toBeGreaterThanOrEqual(MIB);
    expect(result.ms).toBeLessThan(15_000);
  });
});

describe('hostile input: long lines, bundles, deep nesting', () => {
  it('analyses and fixes a file with a 50,000-character line like any other file', () => {
    const box = sandbox();
    const code = Array.from({ length: 300 }, (_, index) => `const v${index} = ${index};\n`).join('');
    const js = `const banner = '${'a'.repeat(50_000 - 18)}';\n${code}res.cookie('sid', token, { path: '/' });\n`;
    expect(js.split('\n')[0]!.length).toBe(50_000);
    const py = `from flask import Flask\nBANNER = "${'a'.repeat(50_000 - 11)}"\n${code.replaceAll('const ', '').replaceAll(';', '')}resp.set_cookie("sid", token, path="/")\n`;
    writeFileSync(join(box.root, 'long.js'), js);
    writeFileSync(join(box.root, 'long.py'), py);

    const json = report(run(box, ['fix', box.root, '--format', 'json']));
    expect(json.skipped).toEqual([]);
    expect(json.findings.map((finding) => [finding.file, finding.line, finding.outcome])).toEqual([
      ['long.js', 302, 'fixed'],
      ['long.py', 303, 'fixed'],
    ]);
    expect(readFileSync(join(box.root, 'long.js'), 'utf8')).toBe(
      js.replace("{ path: '/' }", "{ path: '/', httpOnly: true, secure: true }"),
    );
    expect(readFileSync(join(box.root, 'long.py'), 'utf8')).toBe(
      py.replace('path="/")', 'path="/", httponly=True, secure=True)'),
    );
  });

  it('skips a minified bundle with its reason', () => {
    const box = sandbox();
    const chunk = 'function a(e,t){return e.cookie("sid",t,{path:"/"}),e.session=t,e}';
    writeFileSync(join(box.root, 'bundle.js'), `!function(){${chunk.repeat(400)}}();\n`);
    const json = report(run(box, ['fix', box.root, '--format', 'json']));
    expect(json).toMatchObject({
      findings: [],
      skipped: [{ file: 'bundle.js', reason: 'looks minified (very long lines)' }],
    });
  });

  // Nesting one level per line keeps each file far from the minified heuristic: these must reach the parser.
  const DEPTH = 20_000;
  const nest = (open: string, close: string) => `${open.repeat(DEPTH)}1${close.repeat(DEPTH)}`;

  function outcomes(json: JsonReport, files: readonly string[]) {
    return files.map((file) => {
      const skipped = json.skipped.find((entry) => entry.file === file);
      const found = json.findings.filter((finding) => finding.file === file);
      return [
        file,
        skipped ? skipped.reason : found.map((finding) => `${finding.cookie} ${finding.outcome}`),
      ];
    });
  }

  it(`skips JavaScript nested ${DEPTH} levels deep as too deep, not as a syntax error`, () => {
    const box = sandbox();
    const files: Record<string, string> = {
      'arrays.js': `const x = ${nest('[\n', '\n]')};\nres.cookie('sid', token);\n`,
      'calls.ts': `const x = ${nest('f(\n', '\n)')};\nres.cookie('sid', token);\n`,
      'objects.js': `res.cookie('sid', token, ${nest('{ a:\n', '\n}')});\n`,
      'parens.js': `const x = ${nest('(\n', '\n)')};\nres.cookie('sid', token);\n`,
    };
    for (const [file, text] of Object.entries(files)) writeFileSync(join(box.root, file), text);
    const json = report(run(box, ['fix', box.root, '--format', 'json']));
    // The parser's own recursion gives out first; that is a limit of ours, and the reason must say so.
    expect(outcomes(json, Object.keys(files))).toEqual(
      Object.keys(files).map((file) => [file, 'nested too deeply to analyse']),
    );
  });

  it(`analyses and fixes Python nested ${DEPTH} levels deep, in seconds`, () => {
    const box = sandbox();
    const tail = 'resp.set_cookie("sid", token)\n';
    const files: Record<string, string> = {
      'calls.py': `from flask import Flask\nx = ${nest('f(\n', '\n)')}\n${tail}`,
      'lists.py': `from flask import Flask\nx = ${nest('[\n', '\n]')}\n${tail}`,
      'parens.py': `from flask import Flask\nx = ${nest('(\n', '\n)')}\n${tail}`,
    };
    for (const [file, text] of Object.entries(files)) writeFileSync(join(box.root, file), text);
    const result = run(box, ['fix', box.root, '--format', 'json'], [box.root], 30_000);
    // These 40,000-line files can be analysed and must not take longer than a large real file does. Lists
    // and parentheses sit at the parser's own recursion limit, which moves with the stack the process was
    // given (a fresh CI machine ran out on lists.py where a developer's did not): when the check of the fixed
    // text runs out of stack, the fix is withheld and reported for a person, never written unchecked.
    expect(outcomes(report(result), Object.keys(files))).toEqual([
      ['calls.py', ['sid fixed']],
      ['lists.py', [expect.stringMatching(/^sid (fixed|manual)$/)]],
      ['parens.py', [expect.stringMatching(/^sid (fixed|manual)$/)]],
    ]);
    for (const file of ['lists.py', 'parens.py']) {
      const finding = report(result).findings.find((entry) => entry.file === file);
      if (finding?.outcome === 'manual') {
        expect(finding.message).toContain('could not be checked again (nested too deeply to analyse)');
        expect(readFileSync(join(box.root, file), 'utf8')).toBe(files[file]);
      }
    }
    expect(result.ms).toBeLessThan(20_000);
  });
});

describe('hostile input: bytes', () => {
  it('skips invalid UTF-8 and NUL bytes with their reasons', () => {
    const box = sandbox();
    writeFileSync(
      join(box.root, 'latin1.js'),
      Buffer.concat([
        Buffer.from("res.cookie('sid', token); // caf"),
        Buffer.from([0xe9]),
        Buffer.from('\n'),
      ]),
    );
    writeFileSync(
      join(box.root, 'truncated.py'),
      Buffer.concat([Buffer.from('resp.set_cookie("sid", token)  # '), Buffer.from([0xe2, 0x82])]),
    );
    writeFileSync(join(box.root, 'nul.py'), 'resp.set_cookie("sid", token)\n\0\n');
    const result = run(box, ['fix', box.root, '--format', 'json']);
    expect(report(result)).toMatchObject({
      findings: [],
      skipped: [
        { file: 'latin1.js', reason: 'not valid UTF-8' },
        { file: 'nul.py', reason: 'binary file' },
        { file: 'truncated.py', reason: 'not valid UTF-8' },
      ],
    });
  });

  it('fixes a file with a byte order mark and keeps the mark', () => {
    const box = sandbox();
    const bom = '\uFEFF';
    const js = "res.cookie('sid', token, { path: '/' });\n";
    const py = 'from flask import Flask\nresp.set_cookie("sid", token, path="/")\n';
    writeFileSync(join(box.root, 'bom.js'), bom + js);
    writeFileSync(join(box.root, 'bom.py'), bom + py);
    const json = report(run(box, ['fix', box.root, '--format', 'json']));
    expect(json.findings.map((finding) => [finding.file, finding.line, finding.outcome])).toEqual([
      ['bom.js', 1, 'fixed'],
      ['bom.py', 2, 'fixed'],
    ]);
    expect(readFileSync(join(box.root, 'bom.js'), 'utf8')).toBe(
      bom + js.replace("{ path: '/' }", "{ path: '/', httpOnly: true, secure: true }"),
    );
    expect(readFileSync(join(box.root, 'bom.py'), 'utf8')).toBe(
      bom + py.replace('path="/")', 'path="/", httponly=True, secure=True)'),
    );
  });
});

describe('hostile input: line endings', () => {
  it('gives every added line the ending of the line it joins: CRLF, LF, mixed, CR', () => {
    const box = sandbox();
    const files: Record<string, [string, string]> = {
      'crlf.js': [
        "res.cookie('sid', token, {\r\n  path: '/',\r\n  maxAge: 1000\r\n});\r\n",
        "res.cookie('sid', token, {\r\n  path: '/',\r\n  maxAge: 1000,\r\n  httpOnly: true,\r\n  secure: true\r\n});\r\n",
      ],
      // An LF file with one CRLF block pasted in, and an entry line that ends in LF inside a CRLF block.
      'mixed.js': [
        "const a = 1;\nres.cookie('sid', token, {\r\n  path: '/',\r\n});\r\nres.cookie('auth', token, {\r\n  path: '/', // x\n  maxAge: 1\n});\n",
        "const a = 1;\nres.cookie('sid', token, {\r\n  path: '/',\r\n  httpOnly: true,\r\n  secure: true,\r\n});\r\nres.cookie('auth', token, {\r\n  path: '/', // x\n  maxAge: 1,\n  httpOnly: true,\n  secure: true\n});\n",
      ],
      'crlf.py': [
        'from flask import Flask\r\nresp.set_cookie(\r\n    "sid",\r\n    token,\r\n    max_age=10,\r\n)\r\n',
        'from flask import Flask\r\nresp.set_cookie(\r\n    "sid",\r\n    token,\r\n    max_age=10,\r\n    httponly=True,\r\n    secure=True,\r\n)\r\n',
      ],
      'mixed.py': [
        'from flask import Flask\nresp.set_cookie(\r\n    "sid",\r\n    token,\r\n)\nresp.set_cookie("auth", token,\n    max_age=10)\r\n',
        'from flask import Flask\nresp.set_cookie(\r\n    "sid",\r\n    token,\r\n    httponly=True,\r\n    secure=True,\r\n)\nresp.set_cookie("auth", token,\n    max_age=10, httponly=True, secure=True)\r\n',
      ],
      // Classic Mac line breaks: the fixer adds the flags on the entry's own line, so no line break is
      // added at all and none can be of the wrong kind.
      'cr.js': [
        "res.cookie('sid', token, {\r  path: '/'\r});\r",
        "res.cookie('sid', token, {\r  path: '/', httpOnly: true, secure: true\r});\r",
      ],
    };
    for (const [file, [input]] of Object.entries(files)) writeFileSync(join(box.root, file), input);
    const json = report(run(box, ['fix', box.root, '--format', 'json']));
    expect(json.skipped).toEqual([]);
    const written = Object.fromEntries(
      Object.keys(files).map((file) => [file, readFileSync(join(box.root, file), 'utf8')]),
    );
    expect(written).toEqual(
      Object.fromEntries(Object.entries(files).map(([file, [, output]]) => [file, output])),
    );
  });
});

describe('hostile input: links and special files', () => {
  it('lists links that loop, dangle or lead outside as skipped, follows none of them, and still fixes the rest', () => {
    const box = sandbox();
    writeFileSync(join(box.root, 'app.js'), "res.cookie('sid', token, { path: '/' });\n");
    symlinkSync('loop-b.js', join(box.root, 'loop-a.js'));
    symlinkSync('loop-a.js', join(box.root, 'loop-b.js'));
    symlinkSync('self.py', join(box.root, 'self.py'));
    symlinkSync('../outside/secret.js', join(box.root, 'escape.js'));
    symlinkSync(join(box.outside, 'settings.py'), join(box.root, 'absolute.py'));
    symlinkSync('/nonexistent/cookie.py', join(box.root, 'dangling.py'));
    symlinkSync('..', join(box.root, 'up'));
    symlinkSync('../outside', join(box.root, 'outside-dir'));
    mkdirSync(join(box.root, 'sub'));
    symlinkSync('..', join(box.root, 'sub', 'parent'));

    const json = report(run(box, ['fix', box.root, '--format', 'json']));
    const notFollowed = 'symbolic link (not followed)';
    expect(json.skipped).toEqual(
      ['absolute.py', 'dangling.py', 'escape.js', 'loop-a.js', 'loop-b.js', 'self.py'].map((file) => ({
        file,
        reason: notFollowed,
      })),
    );
    expect(json.findings.map((finding) => [finding.file, finding.outcome])).toEqual([['app.js', 'fixed']]);
    expect(readFileSync(join(box.outside, 'secret.js'), 'utf8')).toBe(WEAK_OUTSIDE);
    expect(lstatSync(join(box.root, 'escape.js')).isSymbolicLink()).toBe(true);
  });

  it('reports a FIFO as not a regular file without reading from it (a read blocks)', () => {
    const box = sandbox();
    writeFileSync(join(box.root, 'app.js'), "res.cookie('sid', token, { path: '/' });\n");
    execFileSync('mkfifo', [join(box.root, 'pipe.js')]);
    execFileSync('mkfifo', [join(box.root, 'pipe.py')]);
    const result = run(box, ['scan', box.root, '--format', 'json']);
    expect(bytesRead(result, join(box.root, 'pipe.js'))).toBe(0);
    expect(report(result).skipped).toEqual([
      { file: 'pipe.js', reason: 'not a regular file' },
      { file: 'pipe.py', reason: 'not a regular file' },
    ]);
  });

  it('scans a folder given through a symlink, writing only inside its target', () => {
    const box = sandbox();
    const real = join(box.root, '..', 'real');
    const link = join(box.root, '..', 'link');
    mkdirSync(real);
    symlinkSync('real', link);
    const input = "res.cookie('sid', token, { path: '/' });\n";
    writeFileSync(join(real, 'app.js'), input);
    const json = report(run(box, ['fix', link, '--format', 'json'], [link, real]));
    expect(json.findings.map((finding) => [finding.file, finding.outcome])).toEqual([['app.js', 'fixed']]);
    expect(readFileSync(join(real, 'app.js'), 'utf8')).toBe(
      input.replace("{ path: '/' }", "{ path: '/', httpOnly: true, secure: true }"),
    );
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readdirSync(real)).toEqual(['app.js']);
  });
});

describe('hostile input: the config file', () => {
  const CONFIG = '.github/cookie-hardener.yml';

  function withConfig(text: string): Sandbox {
    const box = sandbox();
    mkdirSync(join(box.root, '.github'));
    writeFileSync(join(box.root, CONFIG), text);
    writeFileSync(join(box.root, 'app.js'), "res.cookie('sid', token);\n");
    return box;
  }

  it.each([
    ['fix-tests: "yes"\n', '1: `fix-tests` must be true or false'],
    ['paths: 5\n', '1: `paths` must be a list of paths or globs'],
    ['exclude:\n  - 1\n  - 2\n', '2: `exclude` entries must be non-empty strings'],
    ['flags:\n  secure: "yes"\n', '2: `secure` must be true or false (got "yes")'],
    ['flags: []\n', '1: `flags` must enforce at least one flag'],
    ['rules:\n  - express-res-cookie\n', '1: `rules` must map rule ids to off, report or fix'],
    [
      'rules:\n  express-res-cookie: true\n',
      '2: rule `express-res-cookie` must be set to off, report or fix',
    ],
    ['- paths\n- exclude\n', '1: the file must be a mapping of settings (key: value)'],
    [
      'fixTests: true\n',
      '1: unknown setting `fixTests` (did you mean `fix-tests`?); known: paths, exclude, flags, rules, fix-tests',
    ],
  ])('rejects %j with the line and the reason', (text, message) => {
    const box = withConfig(text);
    const result = run(box, ['scan', box.root, '--format', 'json']);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`cookie-hardener: ${CONFIG}:${message}\n`);
  });

  it('does not follow a config link that leads outside the scanned folder', () => {
    const box = sandbox();
    mkdirSync(join(box.root, '.github'));
    symlinkSync(join(box.outside, CONFIG), join(box.root, CONFIG));
    writeFileSync(join(box.root, 'app.js'), "res.cookie('sid', token);\n");
    const result = run(box, ['scan', box.root, '--format', 'json']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^cookie-hardener: \.github\/cookie-hardener\.yml.*symbolic link/);
  });

  it('does not read the config through a .github folder that is a link to elsewhere', () => {
    const box = sandbox();
    writeFileSync(join(box.outside, CONFIG), 'root:x:0:0:root:/root:/bin/bash: 1\nfix-tests: true\n');
    symlinkSync(join(box.outside, '.github'), join(box.root, '.github'));
    writeFileSync(join(box.root, 'app.js'), "res.cookie('sid', token);\n");
    const result = run(box, ['scan', box.root, '--format', 'json']);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `cookie-hardener: ${CONFIG}: the config file is refused: .github is a symbolic link (not followed)\n`,
    );
    expect(bytesRead(result, join(box.outside, CONFIG))).toBe(0);
  });

  it('does not quote back a key that is not a near miss of a setting', () => {
    const box = withConfig('root:x:0:0:root:/root:/bin/bash: 1\n');
    const result = run(box, ['scan', box.root, '--format', 'json']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      `cookie-hardener: ${CONFIG}:1: unknown setting; known: paths, exclude, flags, rules, fix-tests\n`,
    );
  });

  it.each([
    ['a FIFO (opening one blocks until a writer comes)', (path: string) => execFileSync('mkfifo', [path])],
    ['a folder', (path: string) => mkdirSync(path)],
    [
      'a 100 MiB file',
      (path: string) => {
        writeFileSync(path, 'paths: [src]\n');
        truncateSync(path, 100 * MIB);
      },
    ],
  ])('refuses a config that is %s, quickly, with a message, without reading it', (_, make) => {
    const box = sandbox();
    mkdirSync(join(box.root, '.github'));
    make(join(box.root, CONFIG));
    const result = run(box, ['scan', box.root, '--format', 'json'], [box.root], 10_000);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^cookie-hardener: \.github\/cookie-hardener\.yml/);
    expect(bytesRead(result, join(box.root, CONFIG))).toBeLessThan(MIB);
    expect(result.ms).toBeLessThan(5_000);
  });
});
