// A server setting written as the framework's own request-following Secure (Symfony's `cookie_secure: auto`)
// says the app is reached over plain HTTP as well as HTTPS: browser code must not hard-code Secure there.
import { describe, expect, it } from 'vitest';
import { scanProject } from './scan-project.js';

const THEME = [
  'export function useDark() {',
  "  document.cookie = 'theme=dark;samesite=Lax;path=/;max-age=31536000';",
  '}',
  '',
].join('\n');

function frameworkYaml(secure: string): string {
  return [
    'framework:',
    '    session:',
    `        cookie_secure: ${secure}`,
    '        cookie_samesite: lax',
    '',
  ].join('\n');
}

describe('request-following server settings', () => {
  it('leave a browser cookie without Secure to a person, citing the setting', () => {
    const result = scanProject({
      'assets/theme.js': THEME,
      'config/packages/framework.yaml': frameworkYaml('auto'),
    });
    expect(result.changes).toEqual([]);
    const [finding] = result.findings;
    expect(finding?.ruleId).toBe('document-cookie');
    expect(finding?.outcome).toBe('manual');
    expect(finding?.evidence).toEqual([
      {
        file: 'config/packages/framework.yaml',
        line: 3,
        fact: '`cookie_secure: auto` makes the session cookie Secure on HTTPS requests only',
      },
    ]);
  });

  it('say nothing when the server setting is a literal true', () => {
    const result = scanProject({
      'assets/theme.js': THEME,
      'config/packages/framework.yaml': frameworkYaml('true'),
    });
    expect(result.findings.map((finding) => [finding.ruleId, finding.outcome])).toEqual([
      ['document-cookie', 'fixable'],
    ]);
    expect(result.changes.map((change) => change.file)).toEqual(['assets/theme.js']);
  });
});
