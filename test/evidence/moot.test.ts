import { describe, expect, it } from 'vitest';
import { findMootSettings } from '../../src/evidence/moot.js';
import { Source } from '../../src/evidence/source.js';

describe('moot settings', () => {
  it('reads CSRF_USE_SESSIONS = True, not a commented or false one', () => {
    const text = 'CSRF_USE_SESSIONS = False\n# CSRF_USE_SESSIONS = True\nCSRF_USE_SESSIONS = True\n';
    expect(findMootSettings(new Source('proj/settings.py', text, 'python'))).toEqual([
      {
        file: 'proj/settings.py',
        line: 3,
        fact: '`CSRF_USE_SESSIONS = True` keeps the CSRF token in the session: Django sets no CSRF cookie',
        cookie: 'django-csrf',
        setting: 'CSRF_USE_SESSIONS',
      },
    ]);
    expect(findMootSettings(new Source('proj/settings.py', 'CSRF_COOKIE_SECURE = True\n', 'python'))).toEqual(
      [],
    );
  });
});
