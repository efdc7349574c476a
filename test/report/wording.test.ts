import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model.js';
import { cookieLabel, isChanged, outcomeInWords } from '../../src/report/wording.js';

const base: Finding = {
  ruleId: 'cherrypy-session-config',
  framework: 'cherrypy',
  file: 'app/web.py',
  line: 12,
  column: 5,
  cookie: null,
  kind: 'session',
  problems: ['httpOnly-missing', 'secure-missing'],
  outcome: 'manual',
  severity: 'high',
  message: 'm',
  changedFlags: ['httpOnly'],
  notChangedReasons: ['HTTPS is optional in this project'],
  usedAt: [],
  notes: [],
  fingerprint: 'f',
  baselineKey: 'f',
  edits: [{ file: 'app/web.py', start: 10, end: 10, text: "'tools.sessions.httponly': True" }],
  evidence: [],
  beforeMerging: [],
};

describe('a finding changed for one flag and left to a person for the other', () => {
  it('says what the change does instead of "nothing changed"', () => {
    expect(isChanged(base)).toBe(true);
    expect(outcomeInWords(base)).toBe('HttpOnly changed; Secure needs a manual fix');
  });

  it('is not changed once its edit could not be written, or when it has none', () => {
    expect(isChanged({ ...base, edits: [] })).toBe(false);
    expect(outcomeInWords({ ...base, edits: [] })).toBe('Needs a manual fix');
    expect(isChanged({ ...base, changedFlags: [] })).toBe(false);
  });
});

describe('cookie labels', () => {
  it("gives a session API's default name, but not to a call that names the cookie itself", () => {
    expect(cookieLabel(base)).toBe('`session_id` (default name)');
    expect(cookieLabel({ ...base, ruleId: 'cherrypy-response-cookie' })).toBe(
      'session cookie, name not in code',
    );
    expect(cookieLabel({ ...base, ruleId: 'django-set-cookie', framework: 'django', kind: 'other' })).toBe(
      'cookie, name not in code',
    );
  });
});
