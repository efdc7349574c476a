// A project whose cookie options come from its own helper functions in other modules (CommonJS, ESM and
// Python imports), run through the bundled CLI: the findings point at the helpers, and `fix` edits them there.
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliProcess, snapshotTree, temporaryFolder } from '../cli/helpers.js';

const PROJECT = new URL('./options-helpers/', import.meta.url).pathname;

interface JsonFinding {
  file: string;
  line: number;
  cookie: string | null;
  problems: string[];
  outcome: string;
  message: string;
}

function source(file: string): string {
  return readFileSync(join(PROJECT, file), 'utf8');
}

describe('options built by helper functions in other modules', () => {
  it('reports and fixes each helper once, where its options literal is', () => {
    const folder = temporaryFolder();
    cpSync(PROJECT, folder, { recursive: true });
    const scan = runCliProcess(['scan', folder, '--format', 'json']);
    const findings = (JSON.parse(scan.stdout) as { findings: JsonFinding[] }).findings;
    expect(findings.map((f) => [f.file, f.line, f.cookie, f.problems.join(' '), f.outcome])).toEqual([
      ['app/cookies.py', 2, 'session_id', 'httpOnly-missing secure-missing', 'fixable'],
      ['src/api/tokens.ts', 6, 'refresh_token', 'httpOnly-unknown secure-unknown', 'conditional'],
      ['src/lib/auth.ts', 3, 'access_token', 'httpOnly-missing secure-missing', 'fixable'],
      ['src/lib/session-options.js', 4, 'session', 'httpOnly-missing secure-missing', 'fixable'],
    ]);
    expect(findings[1]!.message).toBe(
      'Cookie "refresh_token" (res.cookie()): HttpOnly cannot be determined; Secure cannot be determined. Not changed: HttpOnly cannot be read statically: `fromSettings(req.app.locals.settings)` returns what cannot be read: `settings` is a parameter; Secure cannot be read statically: `fromSettings(req.app.locals.settings)` returns what cannot be read: `settings` is a parameter.',
    );

    const before = snapshotTree(folder);
    runCliProcess(['fix', folder]);
    const changed: Record<string, string> = {};
    for (const [file, text] of snapshotTree(folder)) if (before.get(file) !== text) changed[file] = text;
    expect(changed).toEqual({
      'app/cookies.py': source('app/cookies.py').replace(
        '"samesite": "Lax"}',
        '"samesite": "Lax", "httponly": True, "secure": True}',
      ),
      'src/lib/auth.ts': source('src/lib/auth.ts').replace(
        "sameSite: 'strict' })",
        "sameSite: 'strict', httpOnly: true, secure: true })",
      ),
      'src/lib/session-options.js': source('src/lib/session-options.js').replace(
        '3600000,\n',
        '3600000,\n    httpOnly: true,\n    secure: true,\n',
      ),
    });
  });
});
