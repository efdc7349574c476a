// The FAQ's examples do what it says: the ignore comments silence their sites, with their reasons.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config.js';
import { scanFiles } from '../../src/scan.js';

const FAQ = readFileSync(new URL('../../docs/faq.md', import.meta.url), 'utf8');

/** The fenced blocks of one FAQ section, by language. */
function blocks(heading: string, language: string): string[] {
  const section = FAQ.split('\n## ').find((part) => part.startsWith(heading)) ?? '';
  return [...section.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map(
    (match) => match[1]!,
  );
}

function scan(file: string, text: string) {
  return scanFiles({ files: [file], read: () => ({ text }), config: DEFAULT_CONFIG });
}

describe('docs/faq.md', () => {
  it('silences the JavaScript and Python examples with their reasons, changing nothing', () => {
    const [js] = blocks('How do I silence one finding?', 'js');
    const [python] = blocks('How do I silence one finding?', 'python');
    const found = [scan('server.js', js!), scan('app.py', python!)].map((result) => ({
      findings: result.findings.map((f) => [f.file, f.ruleId, f.cookie, f.outcome, f.notChangedReasons]),
      changes: result.changes,
    }));
    expect(found).toEqual([
      {
        findings: [
          [
            'server.js',
            'express-res-cookie',
            'widget_state',
            'ignored',
            ["ignored by a cookie-hardener-ignore comment: read by the legacy widget's script"],
          ],
        ],
        changes: [],
      },
      {
        findings: [
          [
            'app.py',
            'flask-set-cookie',
            'pref',
            'ignored',
            ['ignored by a cookie-hardener-ignore comment: intranet tool, served over HTTP only'],
          ],
        ],
        changes: [],
      },
    ]);
  });

  it('reports both examples without the comments', () => {
    const [js] = blocks('How do I silence one finding?', 'js');
    const [python] = blocks('How do I silence one finding?', 'python');
    const strip = (text: string) => text.replace(/^.*cookie-hardener-ignore.*\n/m, '');
    expect(scan('server.js', strip(js!)).findings.map((f) => f.outcome)).toEqual(['manual']);
    expect(scan('app.py', strip(python!)).findings.map((f) => f.outcome)).toEqual(['fixable']);
  });
});
