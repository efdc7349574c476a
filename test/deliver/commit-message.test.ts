import { describe, expect, it } from 'vitest';
import { commitMessage, commitSubject } from '../../src/deliver/remediation/commit-message.js';

const TITLE = 'Harden cookie flags (HttpOnly / Secure)';

describe('the remediation commit message', () => {
  it('uses the title, a subject as written, or a prefix before the title', () => {
    expect(commitSubject(null, TITLE)).toBe(TITLE);
    expect(commitSubject('Secure the session cookies', TITLE)).toBe('Secure the session cookies');
    expect(commitSubject('fix(security):', TITLE)).toBe(
      'fix(security): harden cookie flags (HttpOnly / Secure)',
    );
    // An acronym keeps its capitals.
    expect(commitSubject('fix:', 'HTTPS-only cookies')).toBe('fix: HTTPS-only cookies');
  });

  it('always ends with the trailer, after the subject people chose', () => {
    expect(commitMessage('fix(security): harden cookie flags', 2)).toBe(
      'fix(security): harden cookie flags\n\nAdds the missing HttpOnly / Secure cookie flags in 2 files; the pull request explains each change.\n\nGenerated-by: cookie-hardener',
    );
  });
});
