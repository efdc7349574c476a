// Regression projects for fixes nobody could merge: a project's own `set_cookie` taken for the framework's,
// a response class that already sets the flags, collectstatic copies, and cookie deletions. Each runs the
// built CLI on a copy of the project and checks the report and every byte of the tree afterwards.
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliProcess, snapshotTree, temporaryFolder } from '../cli/helpers.js';

const PROJECTS = new URL('.', import.meta.url).pathname;

interface Report {
  findings: Array<{
    file: string;
    line: number;
    ruleId: string;
    cookie: string | null;
    problems: string[];
    outcome: string;
  }>;
  skipped: Array<{ file: string; reason: string }>;
}

function fixCopy(name: string) {
  const folder = join(temporaryFolder(), name);
  cpSync(join(PROJECTS, name), folder, { recursive: true });
  const before = snapshotTree(folder);
  const run = runCliProcess(['fix', folder, '--format', 'json']);
  const report = JSON.parse(run.stdout) as Report;
  const after = snapshotTree(folder);
  const changed = [...after].filter(([file, text]) => before.get(file) !== text).map(([file]) => file);
  return {
    run,
    findings: report.findings.map((f) => [f.file, f.line, f.ruleId, f.cookie, f.problems, f.outcome]),
    skipped: report.skipped,
    changed,
    after,
  };
}

describe('regression projects', () => {
  it("a Tornado project's own two-argument set_cookie is not Tornado's: no finding, no edit", () => {
    const result = fixCopy('tornado-own-set-cookie');
    expect(result.run.stderr).toBe('');
    expect(result.findings).toEqual([]);
    expect(result.skipped).toEqual([]);
    expect(result.changed).toEqual([]);
    expect(result.run.status).toBe(0);
  });

  it('a Flask response_class whose set_cookie sets the flags makes the calls through it safe', () => {
    const result = fixCopy('flask-response-class');
    expect(result.findings).toEqual([]);
    expect(result.changed).toEqual([]);
    expect(result.run.status).toBe(0);
  });

  it('collectstatic copies are skipped with a pointer and only the source is fixed', () => {
    const result = fixCopy('django-collectstatic');
    expect(result.findings).toEqual([
      ['shop/static/shop/js/cart.js', 3, 'document-cookie', 'cart', ['secure-missing'], 'fixed'],
    ]);
    expect(result.skipped).toEqual([
      {
        file: 'staticfiles/shop/js/cart.5d41402abc4b.js',
        reason: 'built copy of `shop/static/shop/js/cart.js`; fix the source',
      },
      {
        file: 'staticfiles/shop/js/cart.js',
        reason: 'built copy of `shop/static/shop/js/cart.js`; fix the source',
      },
    ]);
    expect(result.changed).toEqual(['shop/static/shop/js/cart.js']);
    expect(result.after.get('shop/static/shop/js/cart.js')).toBe(
      '// Remembers the open cart between pages.\n' +
        'export function rememberCart(id) {\n' +
        "  document.cookie = 'cart=' + encodeURIComponent(id) + '; path=/; max-age=604800; Secure';\n" +
        '}\n',
    );
  });

  it('calls that delete a cookie are left alone in Python and JavaScript', () => {
    const result = fixCopy('cookie-deletions');
    expect(result.findings).toEqual([]);
    expect(result.skipped).toEqual([]);
    expect(result.changed).toEqual([]);
    expect(result.run.status).toBe(0);
  });
});
