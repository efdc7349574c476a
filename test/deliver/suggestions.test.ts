import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config.js';
import { applySuggestion, buildSuggestion, planSuggestions } from '../../src/deliver/github/suggestions.js';
import { applyEdits } from '../../src/fix/insert.js';
import { scanFiles } from '../../src/scan.js';

function scan(files: Record<string, string>) {
  return scanFiles({
    files: Object.keys(files).sort(),
    read: (file) => ({ text: files[file]! }),
    config: DEFAULT_CONFIG,
  });
}

describe('buildSuggestion', () => {
  it('widens splices to the whole lines they touch and replays to the exact fix', () => {
    const text = 'a({\n  x: false,\n  y: 1,\n});\n';
    const edits = [
      { file: 'f.js', start: 9, end: 14, text: 'true' },
      { file: 'f.js', start: 23, end: 23, text: '\n  z: true,' },
    ];
    const suggestion = buildSuggestion(text, edits);
    expect(suggestion).toEqual({ startLine: 2, endLine: 3, lines: ['  x: true,', '  y: 1,', '  z: true,'] });
    expect(applySuggestion(text, suggestion as Exclude<typeof suggestion, string>)).toBe(
      applyEdits(text, edits),
    );
  });

  it('keeps CRLF files CRLF', () => {
    const text = 'a({\r\n  y: 1,\r\n});\r\n';
    const edits = [{ file: 'f.js', start: 12, end: 12, text: '\r\n  z: true,' }];
    const suggestion = buildSuggestion(text, edits);
    expect(suggestion).toEqual({ startLine: 2, endLine: 2, lines: ['  y: 1,', '  z: true,'] });
    expect(applySuggestion(text, suggestion as Exclude<typeof suggestion, string>)).toBe(
      applyEdits(text, edits),
    );
  });

  it('refuses an append after the final line break', () => {
    expect(buildSuggestion('x = 1\n', [{ file: 'f.py', start: 6, end: 6, text: 'y = 2\n' }])).toBe(
      'its fix appends after the last line',
    );
  });
});

describe('planSuggestions', () => {
  it('suggests a shared options object once, for every finding that uses it', () => {
    const result = scan({
      'app/shared.js': [
        'const opts = {',
        '  maxAge: 1000,',
        '};',
        "function a(res) { res.cookie('sid', 'x', opts); }",
        "function b(res) { res.cookie('session', 'y', opts); }",
        '',
      ].join('\n'),
    });
    const fixable = result.findings.filter((finding) => finding.outcome === 'fixable');
    const plan = planSuggestions(result.findings, result.changes);
    expect(plan.suggestions).toHaveLength(1);
    expect(plan.suggestions[0]!.findings).toHaveLength(fixable.length);
    const change = result.changes[0]!;
    expect(applySuggestion(change.before, plan.suggestions[0]!)).toBe(change.after);
  });

  it('merges fixes that touch the same line into one suggestion', () => {
    const result = scan({
      'app/two.js': "module.exports = (res) => { res.cookie('a', 1); res.cookie('b', 2); };\n",
    });
    const plan = planSuggestions(result.findings, result.changes);
    expect(plan.suggestions).toHaveLength(1);
    expect(plan.suggestions[0]!.findings).toHaveLength(2);
    expect(applySuggestion(result.changes[0]!.before, plan.suggestions[0]!)).toBe(result.changes[0]!.after);
  });
});
