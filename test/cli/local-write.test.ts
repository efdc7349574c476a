// `fix` on the local file system: a rewrite keeps owner, group and mode (setuid included), leaves read-only
// and other people's files alone with the reason, and never writes through a folder swapped for a link.
import {
  chmodSync,
  chownSync,
  mkdirSync,
  readFileSync,
  renameSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inPlaceRefusal, writeChanges } from '../../src/deliver/local.js';
import { temporaryFolder } from './helpers.js';
import { runCliInProcess } from './in-process.js';

const WEAK = "res.cookie('sid', token, { path: '/' });\n";
const FIXED = "res.cookie('sid', token, { path: '/', httpOnly: true, secure: true });\n";
const isRoot = process.getuid?.() === 0;

interface JsonReport {
  findings: Array<{ file: string; outcome: string; message: string }>;
  skipped: Array<{ file: string; reason: string }>;
}

describe('fix keeps what the file was', () => {
  it.runIf(isRoot)('keeps owner, group and mode, setuid and setgid included, when run as root', () => {
    const folder = temporaryFolder();
    const path = join(folder, 'tool.js');
    writeFileSync(path, WEAK);
    chownSync(path, 1234, 2345);
    chmodSync(path, 0o6755);
    const plain = join(folder, 'plain.js');
    writeFileSync(plain, WEAK);
    chownSync(plain, 1234, 2345);
    chmodSync(plain, 0o640);

    const run = runCliInProcess(['fix', folder, '--format', 'json']);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.findings.map((finding) => [finding.file, finding.outcome])).toEqual([
      ['plain.js', 'fixed'],
      ['tool.js', 'fixed'],
    ]);
    for (const [file, mode] of [
      [path, 0o106755],
      [plain, 0o100640],
    ] as const) {
      expect(readFileSync(file, 'utf8')).toBe(FIXED);
      const stats = statSync(file);
      expect([stats.uid, stats.gid, stats.mode]).toEqual([1234, 2345, mode]);
    }
  });

  it('leaves a read-only file alone and says why', () => {
    const folder = temporaryFolder();
    const path = join(folder, 'locked.js');
    writeFileSync(path, WEAK);
    chmodSync(path, 0o444);
    const before = statSync(path);
    const run = runCliInProcess(['fix', folder, '--format', 'json']);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.findings.map((finding) => [finding.file, finding.outcome])).toEqual([
      ['locked.js', 'manual'],
    ]);
    expect(report.findings[0]!.message).toContain(
      'Not written: read-only (mode 0444), so it is not rewritten.',
    );
    expect(report.skipped).toEqual([
      { file: 'locked.js', reason: 'not written: read-only (mode 0444), so it is not rewritten' },
    ]);
    expect(readFileSync(path, 'utf8')).toBe(WEAK);
    expect(statSync(path).ino).toBe(before.ino);
  });

  it('refuses, for a user who is not root, a file owned by someone else (the rewrite would change its owner)', () => {
    const writer = { uid: 1000, gid: 1000 };
    expect(inPlaceRefusal({ mode: 0o100666, uid: 0 }, writer)).toBe(
      "owned by another user (uid 0); rewriting it would make it this user's",
    );
    expect(inPlaceRefusal({ mode: 0o100644, uid: 1000 }, writer)).toBeNull();
    expect(inPlaceRefusal({ mode: 0o100444, uid: 1000 }, writer)).toBe(
      'read-only (mode 0444), so it is not rewritten',
    );
    expect(inPlaceRefusal({ mode: 0o100644, uid: 1000 }, { uid: 0, gid: 0 })).toBeNull();
    // Windows: no process.getuid, and every file says uid 0.
    expect(inPlaceRefusal({ mode: 0o100666, uid: 0 }, { uid: -1, gid: -1 })).toBeNull();
  });
});

describe('fix never writes outside the folder', () => {
  it('refuses a file whose folder was swapped for a link to elsewhere after the scan', () => {
    const base = temporaryFolder();
    const root = join(base, 'repo');
    const outside = join(base, 'outside');
    mkdirSync(join(root, 'src'), { recursive: true });
    mkdirSync(outside);
    writeFileSync(join(root, 'src', 'app.js'), WEAK);
    writeFileSync(join(outside, 'app.js'), WEAK);
    // The scan saw src/app.js; by the time of the write, src is a link to a folder outside.
    renameSync(join(root, 'src'), join(root, 'src.old'));
    symlinkSync(outside, join(root, 'src'));
    const outcome = writeChanges(root, [{ file: 'src/app.js', before: WEAK, after: FIXED, edits: [] }]);
    expect(outcome).toEqual({
      written: [],
      refused: [{ file: 'src/app.js', reason: 'src is a symbolic link (not followed)' }],
    });
    expect(readFileSync(join(outside, 'app.js'), 'utf8')).toBe(WEAK);
  });

  it('refuses a file that is itself a link', () => {
    const base = temporaryFolder();
    writeFileSync(join(base, 'target.js'), WEAK);
    symlinkSync('target.js', join(base, 'link.js'));
    const outcome = writeChanges(base, [{ file: 'link.js', before: WEAK, after: FIXED, edits: [] }]);
    expect(outcome.refused).toEqual([
      { file: 'link.js', reason: 'the file is a symbolic link (not followed)' },
    ]);
    expect(readFileSync(join(base, 'target.js'), 'utf8')).toBe(WEAK);
  });
});
