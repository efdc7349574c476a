// Files that are valid code must never be skipped as syntax errors: Flow-typed JavaScript, and string
// literals holding U+2028 / U+2029 (valid since ES2019).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryFolder } from './helpers.js';
import { runCliInProcess } from './in-process.js';

interface JsonReport {
  findings: Array<{ file: string; line: number; cookie: string | null; outcome: string }>;
  skipped: Array<{ file: string; reason: string }>;
}

function fixFolder(files: Record<string, string>): { folder: string; report: JsonReport } {
  const folder = temporaryFolder();
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
  const run = runCliInProcess(['fix', folder, '--format', 'json']);
  expect(run.stderr).toBe('');
  return { folder, report: JSON.parse(run.stdout) as JsonReport };
}

describe('valid code the parser used to refuse', () => {
  it('fixes Flow-typed files, with the @flow pragma and without it', () => {
    const pragma =
      "// @flow\nimport type { $Response } from 'express';\ntype Options = {| path: string |};\nfunction login(res: $Response, token: ?string): void {\n  res.cookie('sid', token, { path: '/' });\n}\n";
    const bare =
      "function login(res: Response, token: ?string, ids: Array<number>): void {\n  res.cookie('sid', token, { path: '/' });\n}\n";
    const { folder, report } = fixFolder({ 'flow.js': pragma, 'bare.js': bare });
    expect(report.skipped).toEqual([]);
    expect(report.findings.map((finding) => [finding.file, finding.line, finding.outcome])).toEqual([
      ['bare.js', 2, 'fixed'],
      ['flow.js', 5, 'fixed'],
    ]);
    const fixed = "{ path: '/', httpOnly: true, secure: true }";
    expect(readFileSync(join(folder, 'flow.js'), 'utf8')).toBe(pragma.replace("{ path: '/' }", fixed));
    expect(readFileSync(join(folder, 'bare.js'), 'utf8')).toBe(bare.replace("{ path: '/' }", fixed));
  });

  it('still reports a real syntax error in a .js file as one', () => {
    const { report } = fixFolder({ 'broken.js': "res.cookie('sid', token, { path: '/' ;\n" });
    expect(report.skipped.map((entry) => entry.file)).toEqual(['broken.js']);
    expect(report.skipped[0]!.reason).toMatch(/^syntax error/);
  });

  it('fixes a file whose string literals hold U+2028 and U+2029, keeping them', () => {
    const text =
      "const banner = 'one\u2028two\u2029three';\nres.cookie('sid', token, { path: '/' });\nconst t = `a\u2028b`;\n";
    const { folder, report } = fixFolder({ 'separators.js': text });
    expect(report.skipped).toEqual([]);
    expect(report.findings.map((finding) => [finding.file, finding.line, finding.outcome])).toEqual([
      ['separators.js', 2, 'fixed'],
    ]);
    expect(readFileSync(join(folder, 'separators.js'), 'utf8')).toBe(
      text.replace("{ path: '/' }", "{ path: '/', httpOnly: true, secure: true }"),
    );
  });
});
