// Repository text on the terminal: escape sequences and line breaks in file and cookie names are shown as
// visible escapes, never sent raw (a raw ESC[2J clears the screen; a raw newline forges a line).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeControlCharacters, quoteDiffPath } from '../../src/report/control-chars.js';
import { temporaryFolder } from './helpers.js';
import { runCliInProcess } from './in-process.js';

describe('control characters in the text output', () => {
  it('escapes them in file names, cookie names and skip reasons, and keeps one line per finding', () => {
    const folder = temporaryFolder();
    const name = 'evil\x1b[2J\nforged.js:1:1  express-res-cookie  all good\u202e.js';
    writeFileSync(join(folder, name), "res.cookie('a\x1b]0;pwned\x07b', token);\n");
    writeFileSync(join(folder, 'odd\x9b.js'), "res.cookie('sid', token, {\n");
    const run = runCliInProcess(['scan', folder, '--quiet']);
    expect(run.status).toBe(1);
    const [first, ...rest] = run.stdout.split('\n');
    expect(first).toBe(
      'evil\\x1b[2J\\nforged.js:1:1  express-res-cookie  all good\\u202e.js:1:1  express-res-cookie  [fixable, medium, weak]  ' +
        'Cookie "a\\x1b]0;pwned\\x07b" (res.cookie()): HttpOnly is not set; Secure is not set. Fix: secure: true. Not changed: front-end code may read this cookie; add HttpOnly by hand if no script needs it.',
    );
    expect(rest).toHaveLength(3); // the summary line, the exit line and the final newline
    expect(rest[1]).toBe('1 weak finding left, fixable with `cookie-hardener fix`: exit 1.');
    // eslint-disable-next-line no-control-regex
    expect(run.stdout).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f\u202e]/);

    const full = runCliInProcess(['scan', folder]);
    const skipped = full.stdout.split('\n').find((line) => line.includes('skipped'));
    expect(skipped).toMatch(/^odd\\x9b\.js {2}skipped {2}syntax error/);
  });

  it('quotes a file name with a line break in the dry-run diff headers, as git does', () => {
    const folder = temporaryFolder();
    writeFileSync(join(folder, 'a\n+++ x.js'), "res.cookie('sid', token, { path: '/' });\n");
    const run = runCliInProcess(['fix', folder, '--dry-run', '--quiet']);
    const diff = run.stdout.slice(run.stdout.indexOf('\n---') + 1);
    expect(diff.split('\n').slice(0, 2)).toEqual(['--- "a/a\\n+++ x.js"', '+++ "b/a\\n+++ x.js"']);
    expect(quoteDiffPath('a/plain.js')).toBe('a/plain.js');
    expect(quoteDiffPath('a/say "hi"\\.js')).toBe('"a/say \\"hi\\"\\\\.js"');
  });

  it('escapes them in an error line on stderr', () => {
    const run = runCliInProcess(['scan', 'no\x1b[2Jsuch\nfolder']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('cookie-hardener: path not found: no\\x1b[2Jsuch\\nfolder\n');
  });

  it('shows each unsafe class as a visible escape and leaves ordinary text alone', () => {
    expect(escapeControlCharacters('a\tb\rc\u0000d\u007fe\u0085f\u2028g\u2066h\u200fi')).toBe(
      'a\\tb\\rc\\x00d\\x7fe\\x85f\\u2028g\\u2066h\\u200fi',
    );
    expect(escapeControlCharacters('café — 日本 🍪 ok')).toBe('café — 日本 🍪 ok');
  });
});
