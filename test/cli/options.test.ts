// The CLI for any CI: usage and "did you mean", --fail-on and the sentence that explains the exit code,
// --format sarif, --output, --flags, --exclude, and several paths or single files. Run through dist/cli.js.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { USAGE } from '../../src/cli/args.js';
import { runCliProcess, snapshotTree, temporaryFolder } from './helpers.js';

const SUMMARY = (text: string) => new RegExp(`^${text.replace(/[().]/g, '\\$&')} in \\d+ ms\\.$`);

/** A folder with one weak cookie (token) and one cookie left only with a low-severity note (theme). */
function project(extra: Record<string, string> = {}): string {
  const folder = temporaryFolder();
  const files: Record<string, string> = {
    'app.js': "res.cookie('token', t);\nres.cookie('theme', v, { secure: true });\n",
    ...extra,
  };
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(folder, name, '..'), { recursive: true });
    writeFileSync(join(folder, name), text);
  }
  return folder;
}

function lines(text: string): string[] {
  return text.trimEnd().split('\n');
}

describe('usage', () => {
  it('prints the usage on stderr and exits 2 when given nothing', () => {
    const run = runCliProcess([]);
    expect([run.status, run.stdout, run.stderr]).toEqual([2, '', USAGE]);
  });

  it('guesses the option or command meant', () => {
    const cases: Array<[string[], string]> = [
      [['fix', '--dryrun'], 'unknown option `--dryrun`: did you mean `--dry-run`?'],
      [['fix', '--dry_run'], 'unknown option `--dry_run`: did you mean `--dry-run`?'],
      [['scan', '--formt', 'json'], 'unknown option `--formt`: did you mean `--format`?'],
      [['scan', '--fail'], 'unknown option `--fail`: did you mean `--fail-on`?'],
      [['scan', '--exlude', 'x'], 'unknown option `--exlude`: did you mean `--exclude`?'],
      [['scan', '--bogus'], 'unknown option `--bogus` (see `--help`)'],
      [['scna'], 'unknown command `scna`: did you mean `scan`?'],
      [['fxi', '.'], 'unknown command `fxi`: did you mean `fix`?'],
      [['help'], 'unknown command `help`: did you mean `--help`?'],
      [['lint'], 'unknown command `lint`: use `scan`, `fix`, `baseline` or `verify`'],
    ];
    for (const [args, message] of cases) {
      const run = runCliProcess(args);
      expect([args, run.status, run.stdout, run.stderr]).toEqual([
        args,
        2,
        '',
        `cookie-hardener: ${message}\n`,
      ]);
    }
  });

  it('words every usage error the same way: one line, the prefix, then lower case', () => {
    const folder = project();
    const cases: Array<[string[], string]> = [
      [['scan', '--format'], '`--format` needs a value'],
      [['scan', '--quiet=yes'], '`--quiet` takes no value'],
      [['--quiet'], 'missing command: use `scan`, `fix`, `baseline` or `verify`'],
      [['scan', '--format', 'xml'], '`--format` must be text, json, sarif or markdown (got "xml")'],
      [['scan', '--fail-on', 'often'], '`--fail-on` must be none, weak, any (got "often")'],
      [
        ['scan', '--flags', 'secure,samesyte'],
        '`--flags`: unknown flag `samesyte`: use httpOnly, secure or sameSite',
      ],
      [['scan', '--flags', ''], '`--flags` needs at least one flag'],
      [['scan', '--output', ' '], '`--output` needs a file name'],
      [['scan', '--dry-run'], '`--dry-run` only applies to `fix`'],
      [['baseline', '--format', 'json'], '`--format` does not apply to `baseline`'],
      [['baseline', '--fail-on', 'any'], '`--fail-on` does not apply to `baseline`'],
      [['scan', join(folder, 'nope.js')], `path not found: ${join(folder, 'nope.js')}`],
      [
        ['scan', folder, '--output', join(folder, 'no', 'report.txt')],
        `\`--output\` ${JSON.stringify(join(folder, 'no', 'report.txt'))} is not written: its folder does not exist`,
      ],
    ];
    for (const [args, message] of cases) {
      const run = runCliProcess(args);
      expect([args, run.status, run.stdout, run.stderr]).toEqual([
        args,
        2,
        '',
        `cookie-hardener: ${message}\n`,
      ]);
    }
  });
});

describe('--fail-on and the exit line', () => {
  it('weak (the default) fails on the weak cookie, and says so under the summary', () => {
    const run = runCliProcess(['scan', project()]);
    expect(run.status).toBe(1);
    const out = lines(run.stdout);
    expect(out.slice(0, 2).map((line) => line.split('  ').slice(0, 2).join('  '))).toEqual([
      'app.js:1:1  express-res-cookie',
      'app.js:2:24  express-res-cookie',
    ]);
    expect(out[2]).toMatch(SUMMARY('2 findings (1 fixable, 1 need a human); 1 file listed, 1 parsed'));
    expect(out[3]).toBe('1 weak finding left, fixable with `cookie-hardener fix`: exit 1.');
    expect(out).toHaveLength(4);
  });

  it('any counts the low-severity note too; none never fails', () => {
    const folder = project();
    const any = runCliProcess(['scan', folder, '--fail-on', 'any']);
    expect([any.status, lines(any.stdout).at(-1)]).toEqual([
      1,
      '2 findings left (1 fixable with `cookie-hardener fix`, 1 for a human); fail-on any: exit 1.',
    ]);
    const none = runCliProcess(['scan', folder, '--fail-on', 'none']);
    expect([none.status, lines(none.stdout).at(-1)]).toEqual([
      0,
      '1 weak finding left, fixable with `cookie-hardener fix`; fail-on none: exit 0.',
    ]);
  });

  it('says why a clean run passes under each fail-on', () => {
    const folder = project({ 'app.js': "res.cookie('sid', t, { httpOnly: true, secure: true });\n" });
    const sentences = (['weak', 'any', 'none'] as const).map((failOn) => {
      const run = runCliProcess(['scan', folder, '--fail-on', failOn]);
      return [run.status, lines(run.stdout).at(-1)];
    });
    expect(sentences).toEqual([
      [0, 'No weak findings: exit 0.'],
      [0, 'No findings; fail-on any: exit 0.'],
      [0, 'No weak findings; fail-on none: exit 0.'],
    ]);
  });

  it('after fix, what is left for a person is named as such', () => {
    const folder = project();
    const weak = runCliProcess(['fix', folder, '--fail-on', 'any']);
    expect([weak.status, lines(weak.stdout).at(-1)]).toEqual([
      1,
      '1 finding left for a human; fail-on any: exit 1.',
    ]);
    const clean = runCliProcess(['scan', folder]);
    expect([clean.status, lines(clean.stdout).at(-1)]).toEqual([0, 'No weak findings: exit 0.']);
    const manual = project({
      'app.js': "res.cookie('XSRF-TOKEN', t, { secure: process.env.NODE_ENV === 'development' });\n",
    });
    const left = runCliProcess(['fix', manual]);
    expect([left.status, lines(left.stdout).at(-1)]).toEqual([1, '1 weak finding left for a human: exit 1.']);
  });
});

describe('--format sarif and --output', () => {
  it('prints SARIF 2.1.0 with one result per finding', () => {
    const run = runCliProcess(['scan', project(), '--format', 'sarif']);
    expect(run.status).toBe(1);
    const sarif = JSON.parse(run.stdout) as {
      version: string;
      runs: Array<{ results: Array<{ ruleId: string; level: string; locations: unknown[] }> }>;
    };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]!.results.map((result) => [result.ruleId, result.level, result.locations])).toEqual([
      [
        'express-res-cookie',
        'error',
        [
          {
            physicalLocation: {
              artifactLocation: { uri: 'app.js', uriBaseId: '%SRCROOT%' },
              region: { startLine: 1, startColumn: 1 },
            },
          },
        ],
      ],
      [
        'express-res-cookie',
        'note',
        [
          {
            physicalLocation: {
              artifactLocation: { uri: 'app.js', uriBaseId: '%SRCROOT%' },
              region: { startLine: 2, startColumn: 24 },
            },
          },
        ],
      ],
    ]);
    expect(run.stdout).not.toContain('baselineState');
  });

  it('writes the report to the file, whole, and only the summary and the exit line to the console', () => {
    const folder = project();
    const out = temporaryFolder();
    const printed = runCliProcess(['scan', folder, '--format', 'sarif']);
    const run = runCliProcess(['scan', folder, '--format', 'sarif', '--output', join(out, 'cookies.sarif')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
    const console = lines(run.stdout);
    expect(console[0]).toMatch(SUMMARY('2 findings (1 fixable, 1 need a human); 1 file listed, 1 parsed'));
    expect(console.slice(1)).toEqual(['1 weak finding left, fixable with `cookie-hardener fix`: exit 1.']);
    expect(readFileSync(join(out, 'cookies.sarif'), 'utf8')).toBe(printed.stdout);
    expect(readdirSync(out)).toEqual(['cookies.sarif']); // no temporary file left beside it

    // Relative to the current folder; an old file is replaced, not appended to.
    writeFileSync(join(out, 'report.txt'), 'old report that is much longer than the new one '.repeat(100));
    const text = runCliProcess(['scan', folder, '--output', 'report.txt'], out);
    expect(text.status).toBe(1);
    const report = readFileSync(join(out, 'report.txt'), 'utf8');
    expect(lines(report).at(-1)).toBe('1 weak finding left, fixable with `cookie-hardener fix`: exit 1.');
    expect(report).not.toContain('old report');
    expect(lines(report)).toHaveLength(4);
  });

  it('refuses to write through a link', () => {
    const out = temporaryFolder();
    const elsewhere = join(temporaryFolder(), 'target.txt');
    writeFileSync(elsewhere, 'keep\n');
    symlinkSync(elsewhere, join(out, 'report.txt'));
    const run = runCliProcess(['scan', project(), '--output', 'report.txt'], out);
    expect([run.status, run.stdout]).toEqual([2, '']);
    expect(run.stderr).toBe(
      'cookie-hardener: `--output` "report.txt" is not written: it is a symbolic link (not followed)\n',
    );
    expect(readFileSync(elsewhere, 'utf8')).toBe('keep\n');
  });
});

describe('--flags and --exclude', () => {
  it('take the action inputs’ syntax and lie over the config file', () => {
    const folder = project({
      'legacy/old.js': "res.cookie('sid', t);\n",
      'vendor2/x.js': "res.cookie('a', t);\n",
    });
    mkdirSync(join(folder, '.github'));
    writeFileSync(join(folder, '.github', 'cookie-hardener.yml'), 'exclude: [vendor2]\n');
    const run = runCliProcess([
      'scan',
      folder,
      '--format',
      'json',
      '--flags',
      'secure',
      '--exclude',
      'legacy',
    ]);
    const report = JSON.parse(run.stdout) as {
      findings: Array<{ file: string; cookie: string; problems: string[] }>;
    };
    expect(report.findings.map((finding) => [finding.file, finding.cookie, finding.problems])).toEqual([
      ['app.js', 'token', ['secure-missing']],
    ]);
    const strict = runCliProcess([
      'scan',
      folder,
      '--format',
      'json',
      '--flags',
      'httpOnly, sameSite=strict',
      '--exclude',
      'legacy,app.js',
    ]);
    const strictReport = JSON.parse(strict.stdout) as typeof report;
    expect(strictReport.findings).toEqual([]);
    const both = runCliProcess([
      'scan',
      folder,
      '--format',
      'json',
      '--flags',
      'sameSite=strict',
      '--exclude',
      'app.js',
      '--exclude',
      'vendor2',
    ]);
    expect(
      (JSON.parse(both.stdout) as typeof report).findings.map((finding) => [finding.file, finding.problems]),
    ).toEqual([['legacy/old.js', ['sameSite-missing']]]);
  });
});

describe('several paths and single files', () => {
  function repository(): string {
    const folder = project({
      'lib/session.js': "res.cookie('sid', t);\n",
      'lib/odd/[id].js': "res.cookie('odd', t);\n",
      'other/skip.js': "res.cookie('skipped', t);\n",
      'src/app.js': "res.cookie('app', t);\n",
      'src/more.js': "res.cookie('more', t);\n",
    });
    execFileSync('git', ['init', '-q'], { cwd: folder });
    return folder;
  }
  const cookies = (stdout: string) =>
    (JSON.parse(stdout) as { findings: Array<{ file: string; cookie: string }> }).findings.map(
      (finding) => `${finding.file} ${finding.cookie}`,
    );

  it('scans only what is named, shown relative to the repository root, from any folder in it', () => {
    const folder = repository();
    const expected = ['lib/odd/[id].js odd', 'lib/session.js sid', 'src/app.js app'];
    const fromRoot = runCliProcess(['scan', 'src/app.js', 'lib/', '--format', 'json'], folder);
    expect(fromRoot.stderr).toBe('');
    expect(cookies(fromRoot.stdout)).toEqual(expected);
    const fromInside = runCliProcess(['scan', 'app.js', '../lib', '--format', 'json'], join(folder, 'src'));
    expect(cookies(fromInside.stdout)).toEqual(expected);
    // A file name the glob dialect would read as a pattern is taken literally.
    const literal = runCliProcess(['scan', 'lib/odd/[id].js', '--format', 'json'], folder);
    expect(cookies(literal.stdout)).toEqual(['lib/odd/[id].js odd']);
  });

  it('without git, starts from the current folder; one folder stays its own project', () => {
    const folder = project({ 'src/app.js': "res.cookie('app', t);\n", 'lib/x.js': "res.cookie('x', t);\n" });
    expect(cookies(runCliProcess(['scan', 'src/app.js', 'lib', '--format', 'json'], folder).stdout)).toEqual([
      'lib/x.js x',
      'src/app.js app',
    ]);
    expect(cookies(runCliProcess(['scan', 'lib', '--format', 'json'], folder).stdout)).toEqual(['x.js x']);
  });

  it('fixes only the named files', () => {
    const folder = repository();
    const before = snapshotTree(folder);
    const run = runCliProcess(['fix', 'src/app.js', 'lib/session.js'], folder);
    expect(run.status).toBe(0);
    const after = snapshotTree(folder);
    const changed = [...after].filter(([file, text]) => before.get(file) !== text).map(([file]) => file);
    expect(changed.sort()).toEqual(['lib/session.js', 'src/app.js']);
  });

  it('names a path that does not exist', () => {
    const run = runCliProcess(['scan', 'src/app.js', 'src/nope.js'], repository());
    expect([run.status, run.stdout, run.stderr]).toEqual([
      2,
      '',
      'cookie-hardener: path not found: src/nope.js\n',
    ]);
  });
});
