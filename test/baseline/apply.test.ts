// Which findings a baseline holds: an entry covers one finding of its line whose problems it recorded (or
// fewer of them); the file is read only as a regular file, never through a link, and never past its cap.
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { baselineEntries, loadBaseline, markBaselined } from '../../src/baseline/apply.js';
import type { Finding, Problem } from '../../src/model.js';
import { finding, scanResult } from '../report/scan-results.js';

const KEY = 'aaaaaaaaaaaaaaaa';
const BOTH: Problem[] = ['httpOnly-missing', 'secure-missing'];

function open(line: number, problems: Problem[], baselineKey = KEY): Finding {
  return finding({ fingerprint: `f${line}`, baselineKey, line, problems, outcome: 'fixable' });
}

function marks(findings: Finding[], entries: Array<{ key: string; problems: string[] }>) {
  return markBaselined(scanResult(findings), entries).findings.map((one) => [
    one.line,
    one.baselined,
    one.problemsNewSinceBaseline,
  ]);
}

describe('markBaselined', () => {
  it('holds a finding with the recorded problems or fewer, and not one with a problem more', () => {
    expect(
      marks(
        [
          open(1, BOTH),
          open(2, ['secure-missing']),
          open(3, ['httpOnly-false', 'secure-missing'], 'b'.repeat(16)),
        ],
        [
          { key: KEY, problems: BOTH },
          { key: KEY, problems: BOTH },
          { key: 'b'.repeat(16), problems: ['secure-missing'] },
        ],
      ),
    ).toEqual([
      [1, true, undefined],
      [2, true, undefined],
      [3, false, ['httpOnly-false']],
    ]);
  });

  it('uses each entry once: a second copy of a recorded line is new, without a reason of its own', () => {
    expect(marks([open(1, BOTH), open(2, BOTH)], [{ key: KEY, problems: BOTH }])).toEqual([
      [1, true, undefined],
      [2, false, undefined],
    ]);
  });

  it('pairs twins so both stay held when a partly fixed one comes first', () => {
    // Taking the first fitting entry would give line 1 the wide entry and leave line 2 red.
    expect(
      marks(
        [open(1, ['secure-missing']), open(2, BOTH)],
        [
          { key: KEY, problems: BOTH },
          { key: KEY, problems: ['secure-missing'] },
        ],
      ),
    ).toEqual([
      [1, true, undefined],
      [2, true, undefined],
    ]);
  });

  it('leaves ignored findings alone and changes nothing without a baseline', () => {
    const ignored = finding({ fingerprint: 'i', baselineKey: KEY, outcome: 'ignored', problems: BOTH });
    const result = scanResult([ignored]);
    expect(markBaselined(result, null)).toBe(result);
    expect(markBaselined(result, [{ key: KEY, problems: BOTH }]).findings[0]).toBe(ignored);
    expect(baselineEntries([ignored, open(4, ['secure-missing'])])).toEqual([
      { key: KEY, problems: ['secure-missing'] },
    ]);
  });
});

describe('loadBaseline', () => {
  const VALID = '{\n  "version": 2,\n  "findings": []\n}\n';
  const root = () => mkdtempSync(join(tmpdir(), 'cookie-hardener-baseline-'));
  const PATH = '.github/cookie-hardener-baseline.json';

  it('is null without a .github folder or without the file, and reads a regular file', () => {
    const folder = root();
    expect(loadBaseline(folder)).toBeNull();
    mkdirSync(join(folder, '.github'));
    expect(loadBaseline(folder)).toBeNull();
    writeFileSync(join(folder, PATH), VALID);
    expect(loadBaseline(folder)).toEqual([]);
  });

  it('refuses links, files past the cap and text that is not UTF-8', () => {
    const linkedFolder = root();
    const elsewhere = root();
    mkdirSync(join(elsewhere, '.github'));
    writeFileSync(join(elsewhere, PATH), VALID);
    symlinkSync(join(elsewhere, '.github'), join(linkedFolder, '.github'));
    expect(() => loadBaseline(linkedFolder)).toThrow(
      `${PATH}: the baseline is refused: .github is a symbolic link (not followed)`,
    );

    const linkedFile = root();
    mkdirSync(join(linkedFile, '.github'));
    symlinkSync(join(elsewhere, PATH), join(linkedFile, PATH));
    expect(() => loadBaseline(linkedFile)).toThrow(
      `${PATH}: the baseline is refused: symbolic link (not followed)`,
    );

    const large = root();
    mkdirSync(join(large, '.github'));
    writeFileSync(join(large, PATH), ' '.repeat(4 * 1024 * 1024 + 1));
    expect(() => loadBaseline(large)).toThrow(
      `${PATH}: the baseline is refused: larger than 4194304 bytes (4194305 bytes)`,
    );

    const latin1 = root();
    mkdirSync(join(latin1, '.github'));
    writeFileSync(join(latin1, PATH), Buffer.from([0x7b, 0xe9, 0x7d]));
    expect(() => loadBaseline(latin1)).toThrow(`${PATH}: the baseline is not valid UTF-8`);
  });
});
