// `cookie-hardener baseline`: today's findings recorded, so --fail-on counts only new ones; the file is
// written whole, survives unrelated edits above a cookie and partial hand fixes, and a broken one stops
// the run with its line.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliProcess, snapshotTree, temporaryFolder } from './helpers.js';

const BASELINE = '.github/cookie-hardener-baseline.json';
const APP = "const express = require('express');\nres.cookie('token', t);\nres.cookie('sid', s);\n";

function project(text = APP): string {
  const folder = temporaryFolder();
  writeFileSync(join(folder, 'app.js'), text);
  return folder;
}

/** The key the baseline should hold for a line, worked out here from its definition. */
function keyOf(file: string, cookie: string, lineText: string): string {
  return createHash('sha256')
    .update(['express-res-cookie', file, cookie, lineText].join('\0'))
    .digest('hex')
    .slice(0, 16);
}

function lines(text: string): string[] {
  return text.trimEnd().split('\n');
}

interface JsonReport {
  findings: Array<{ cookie: string; line: number; baselined: boolean }>;
}

describe('cookie-hardener baseline', () => {
  it('writes the key and problems of each finding, sorted, with a version, and says where', () => {
    const folder = project();
    const run = runCliProcess(['baseline'], folder);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(lines(run.stdout)[0]).toMatch(/^2 findings \(2 fixable\); 1 file listed, 1 parsed in \d+ ms\.$/);
    expect(lines(run.stdout)[1]).toBe(
      `Baseline written to ${BASELINE}: 2 findings recorded; --fail-on now counts only findings not in it.`,
    );
    const entries = [
      keyOf('app.js', 'token', "res.cookie'token't;"),
      keyOf('app.js', 'sid', "res.cookie'sid's;"),
    ]
      .sort()
      .map((key) => `    { "key": "${key}", "problems": ["httpOnly-missing", "secure-missing"] }`);
    expect(readFileSync(join(folder, BASELINE), 'utf8')).toBe(
      `{\n  "version": 2,\n  "findings": [\n${entries.join(',\n')}\n  ]\n}\n`,
    );
    expect(readdirSync(join(folder, '.github'))).toEqual(['cookie-hardener-baseline.json']);
  });

  it('names the config file and what the built-in exclusions removed, as scan does', () => {
    // Both decide which findings get recorded, so the summary above "Baseline written" must say them.
    const folder = project();
    writeFileSync(join(folder, 'cookie-hardener.yml'), 'flags: [secure]\n');
    mkdirSync(join(folder, 'vendor'));
    writeFileSync(join(folder, 'vendor', 'lib.js'), "res.cookie('v', v);\n");
    const run = runCliProcess(['baseline'], folder);
    expect([run.status, run.stderr]).toEqual([0, '']);
    expect(lines(run.stdout.replace(/ in \d+ ms\b/, ' in N ms'))).toEqual([
      '2 findings (2 fixable); 1 file listed, 1 parsed in N ms; skipped 1 folder by default: vendor/ (not entered); config: cookie-hardener.yml.',
      `Baseline written to ${BASELINE}: 2 findings recorded; --fail-on now counts only findings not in it.`,
    ]);
  });

  it('leaves the SARIF fingerprints as they were: the key belongs to the baseline alone', () => {
    const folder = project("res.cookie('token', t);\n");
    const sarif = JSON.parse(runCliProcess(['scan', folder, '--format', 'sarif']).stdout) as {
      runs: Array<{ results: Array<{ partialFingerprints: Record<string, string> }> }>;
    };
    const fingerprint = createHash('sha256')
      .update(
        [
          'express-res-cookie',
          'app.js',
          'token',
          'httpOnly-missing,secure-missing',
          "res.cookie('token', t);",
        ].join('\0'),
      )
      .digest('hex')
      .slice(0, 16);
    expect(sarif.runs[0]!.results.map((result) => result.partialFingerprints['cookieHardener/v1'])).toEqual([
      fingerprint,
    ]);
  });

  it('lets scan pass on recorded findings, also after lines above them moved, and fail on a new one', () => {
    const folder = project();
    runCliProcess(['baseline'], folder);
    const same = runCliProcess(['scan', '.'], folder);
    expect(same.status).toBe(0);
    expect(lines(same.stdout).slice(0, 2)).toEqual([
      'app.js:2:1  express-res-cookie  [fixable, high, weak]  Cookie "token" (res.cookie()): HttpOnly is not set; Secure is not set. Fix: httpOnly: true, secure: true.  (in the baseline)',
      'app.js:3:1  express-res-cookie  [fixable, high, weak]  Cookie "sid" (res.cookie()): HttpOnly is not set; Secure is not set. Fix: httpOnly: true, secure: true.  (in the baseline)',
    ]);
    expect(lines(same.stdout).at(-1)).toBe('No weak findings outside the baseline (2 in it): exit 0.');

    // Unrelated lines above move every cookie down: still the same findings.
    writeFileSync(join(folder, 'app.js'), `// routes\n\n${APP}res.cookie('fresh', f);\n`);
    const moved = runCliProcess(['scan', '.', '--format', 'json'], folder);
    expect(moved.status).toBe(1);
    const report = JSON.parse(moved.stdout) as JsonReport;
    expect(report.findings.map((finding) => [finding.cookie, finding.line, finding.baselined])).toEqual([
      ['token', 4, true],
      ['sid', 5, true],
      ['fresh', 6, false],
    ]);
    const text = runCliProcess(['scan', '.', '--quiet'], folder);
    expect(lines(text.stdout)).toHaveLength(3); // only the new finding, the summary and the exit line
    expect(lines(text.stdout)[0]).toBe(
      'app.js:6:1  express-res-cookie  [fixable, medium, weak]  Cookie "fresh" (res.cookie()): HttpOnly is not set; Secure is not set. Fix: secure: true. Not changed: front-end code may read this cookie; add HttpOnly by hand if no script needs it.',
    );
    expect(lines(text.stdout)[2]).toBe(
      '1 weak finding left outside the baseline (2 in it), fixable with `cookie-hardener fix`: exit 1.',
    );
    const sarif = JSON.parse(runCliProcess(['scan', '.', '--format', 'sarif'], folder).stdout) as {
      runs: Array<{ results: Array<{ baselineState: string }> }>;
    };
    expect(sarif.runs[0]!.results.map((result) => result.baselineState)).toEqual([
      'unchanged',
      'unchanged',
      'new',
    ]);
  });

  it('counts each recorded finding once: a second identical line is new', () => {
    const folder = project("res.cookie('token', t);\n");
    runCliProcess(['baseline'], folder);
    writeFileSync(join(folder, 'app.js'), "res.cookie('token', t);\nres.cookie('token', t);\n");
    const run = runCliProcess(['scan', '.', '--format', 'json'], folder);
    expect(run.status).toBe(1);
    expect((JSON.parse(run.stdout) as JsonReport).findings.map((finding) => finding.baselined)).toEqual([
      true,
      false,
    ]);
  });

  it('keeps a partly fixed finding in the baseline, also when lines above it moved', () => {
    const folder = project();
    runCliProcess(['baseline'], folder);
    writeFileSync(
      join(folder, 'app.js'),
      "// routes\nconst express = require('express');\nres.cookie('token', t, { httpOnly: true });\nres.cookie('sid', s);\n",
    );
    const run = runCliProcess(['scan', '.'], folder);
    expect([run.status, run.stderr]).toEqual([0, '']);
    expect(lines(run.stdout).slice(0, 2)).toEqual([
      'app.js:3:24  express-res-cookie  [fixable, high, weak]  Cookie "token" (res.cookie()): Secure is not set. Fix: secure: true.  (in the baseline)',
      'app.js:4:1  express-res-cookie  [fixable, high, weak]  Cookie "sid" (res.cookie()): HttpOnly is not set; Secure is not set. Fix: httpOnly: true, secure: true.  (in the baseline)',
    ]);
    expect(lines(run.stdout).at(-1)).toBe('No weak findings outside the baseline (2 in it): exit 0.');
  });

  it('counts a recorded line that gained a problem as new, and says which', () => {
    const folder = project(
      "const express = require('express');\nres.cookie('token', t, { secure: true });\n",
    );
    runCliProcess(['baseline'], folder);
    expect(readFileSync(join(folder, BASELINE), 'utf8')).toBe(
      `{\n  "version": 2,\n  "findings": [\n    { "key": "${keyOf('app.js', 'token', "res.cookie'token't;")}", "problems": ["httpOnly-missing"] }\n  ]\n}\n`,
    );
    writeFileSync(
      join(folder, 'app.js'),
      "const express = require('express');\nres.cookie('token', t, { secure: false });\n",
    );
    const run = runCliProcess(['scan', '.'], folder);
    expect([run.status, run.stderr]).toEqual([1, '']);
    expect(lines(run.stdout)[0]).toBe(
      'app.js:2:24  express-res-cookie  [fixable, high, weak]  Cookie "token" (res.cookie()): HttpOnly is not set; Secure is turned off. Fix: httpOnly: true, secure → true.  (not in the baseline: it recorded this line without secure-false)',
    );
    expect(lines(run.stdout).at(-1)).toBe('1 weak finding left, fixable with `cookie-hardener fix`: exit 1.');
    const sarif = JSON.parse(runCliProcess(['scan', '.', '--format', 'sarif'], folder).stdout) as {
      runs: Array<{ results: Array<{ baselineState: string }> }>;
    };
    expect(sarif.runs[0]!.results.map((result) => result.baselineState)).toEqual(['updated']);
  });

  it('still fixes recorded findings with fix', () => {
    const folder = project();
    runCliProcess(['baseline'], folder);
    const run = runCliProcess(['fix', '.'], folder);
    expect(run.status).toBe(0);
    expect(readFileSync(join(folder, 'app.js'), 'utf8')).toBe(
      "const express = require('express');\nres.cookie('token', t, { httpOnly: true, secure: true });\nres.cookie('sid', s, { httpOnly: true, secure: true });\n",
    );
  });

  it('stops with the file and line of a broken baseline, before fix writes anything', () => {
    const cases: Array<[string, string]> = [
      [
        '{\n  "version": 2,\n  "findings": [\n    { "key": "0123456789abcdef", "problems": [] },\n  ]\n}\n',
        ':5: not valid JSON',
      ],
      [
        '{\n  "version": 1,\n  "fingerprints": []\n}\n',
        ':2: this baseline is version 1, an older format this cookie-hardener no longer reads: run `cookie-hardener baseline` again to rewrite it',
      ],
      [
        '{\n  "version": 3,\n  "findings": []\n}\n',
        ':2: `version` must be 2 (this cookie-hardener reads version 2; run `cookie-hardener baseline` again)',
      ],
      [
        '{\n  "version": 2,\n  "findings": [\n    { "key": "0123456789abcdef", "problems": [] },\n    { "key": "xyz", "problems": [] }\n  ]\n}\n',
        ":5: a finding's `key` must be 16 hex digits",
      ],
      ['{\n  "version": 2\n}\n', ':1: `findings` is missing'],
      ['{\n  "version": 2,\n  "fingerprints": []\n}\n', ':3: unknown key; known: version, findings'],
      ['[]\n', ':1: the baseline must be a JSON object'],
      ['', ':1: not valid JSON'],
    ];
    for (const [content, message] of cases) {
      const folder = project();
      mkdirSync(join(folder, '.github'));
      writeFileSync(join(folder, BASELINE), content);
      const before = snapshotTree(folder);
      const run = runCliProcess(['fix', '.'], folder);
      expect([content, run.status, run.stdout, run.stderr]).toEqual([
        content,
        2,
        '',
        `cookie-hardener: ${BASELINE}${message}\n`,
      ]);
      expect(snapshotTree(folder)).toEqual(before);
    }
  });

  it('writes the baseline of several paths at the repository root', () => {
    const folder = project();
    mkdirSync(join(folder, 'lib'));
    writeFileSync(join(folder, 'lib', 'x.js'), "res.cookie('x', v);\n");
    mkdirSync(join(folder, '.git'));
    const run = runCliProcess(['baseline', '../app.js', '.'], join(folder, 'lib'));
    expect(run.status).toBe(0);
    expect(lines(run.stdout)[1]).toBe(
      `Baseline written to ../${BASELINE}: 3 findings recorded; --fail-on now counts only findings not in it.`,
    );
  });
});
