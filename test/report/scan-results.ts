// Hand-built scan results for the report tests, shaped like the engine's output: the seed's Tornado case
// and the common Express cases.
import type { Finding, ScanResult } from '../../src/model.js';

export function finding(overrides: Partial<Finding> & Pick<Finding, 'fingerprint'>): Finding {
  return {
    ruleId: 'express-res-cookie',
    framework: 'express',
    file: 'src/app.ts',
    line: 1,
    column: 1,
    cookie: null,
    kind: 'other',
    problems: [],
    outcome: 'fixed',
    severity: 'medium',
    message: '',
    changedFlags: [],
    notChangedReasons: [],
    usedAt: [],
    notes: [],
    evidence: [],
    beforeMerging: [],
    edits: [],
    baselineKey: overrides.fingerprint,
    ...overrides,
  };
}

export function scanResult(findings: Finding[], overrides: Partial<ScanResult> = {}): ScanResult {
  return {
    findings,
    changes: [],
    skipped: [],
    stats: { filesListed: 10, filesParsed: 4, ms: 12 },
    ...overrides,
  };
}

/**
 * The seed: `cookie_settings = {"secure": True}` in config/settings.py, splatted by the login handler into
 * `set_signed_cookie("user", …)`. The call rule reports it at the dict and lists the call in `usedAt`.
 */
export const tornadoSettingsDict = finding({
  ruleId: 'tornado-set-cookie',
  framework: 'tornado',
  file: 'config/settings.py',
  line: 3,
  column: 19,
  cookie: 'user',
  kind: 'session',
  problems: ['httpOnly-missing'],
  outcome: 'fixed',
  severity: 'high',
  message: 'Cookie "user" (RequestHandler.set_*cookie()): HttpOnly is not set. Fix: httponly: True.',
  changedFlags: ['httpOnly'],
  usedAt: ['handlers/auth.py:18'],
  notes: ['The flags come from the dict splatted at handlers/auth.py:18.'],
  fingerprint: '5d1f0c9e7a2b4c11',
  edits: [{ file: 'config/settings.py', start: 0, end: 0, text: '' }],
});

export const expressToken = finding({
  ruleId: 'express-res-cookie',
  framework: 'express',
  file: 'src/routes/auth.ts',
  line: 27,
  column: 5,
  cookie: 'token',
  kind: 'session',
  problems: ['httpOnly-missing', 'secure-missing'],
  outcome: 'fixed',
  severity: 'high',
  message:
    'Cookie "token" (res.cookie()): HttpOnly is not set; Secure is not set. Fix: httpOnly: true, secure: true.',
  changedFlags: ['httpOnly', 'secure'],
  fingerprint: '0a9c33de51f07b62',
  edits: [{ file: 'src/routes/auth.ts', start: 0, end: 0, text: '' }],
});

export const expressSession = finding({
  ruleId: 'express-session',
  framework: 'express-session',
  file: 'src/app.ts',
  line: 14,
  column: 9,
  kind: 'session',
  problems: ['secure-missing'],
  outcome: 'fixed',
  severity: 'high',
  message: 'Cookie options of session(): Secure is not set. Fix: secure: true.',
  changedFlags: ['secure'],
  fingerprint: '7be2a01c9d3f5e48',
  edits: [{ file: 'src/app.ts', start: 0, end: 0, text: '' }],
});

export const conditionalSecure = finding({
  ruleId: 'express-res-cookie',
  framework: 'express',
  file: 'src/routes/remember.ts',
  line: 9,
  column: 37,
  cookie: 'remember_me',
  kind: 'session',
  problems: ['secure-conditional'],
  outcome: 'conditional',
  severity: 'low',
  message: 'Cookie "remember_me" (res.cookie()): Secure depends on a run-time value.',
  notChangedReasons: [
    "`process.env.NODE_ENV === 'production'` decides Secure at run time; make sure it is true in production",
  ],
  fingerprint: 'c4e6f81a2b0d9375',
});

export const csrfCookie = finding({
  ruleId: 'express-res-cookie',
  framework: 'express',
  file: 'src/routes/csrf.ts',
  line: 5,
  column: 3,
  cookie: 'XSRF-TOKEN',
  kind: 'csrf',
  // The engine reports no HttpOnly problem for CSRF cookies: leaving it off is the policy, not a weakness.
  problems: ['secure-missing'],
  outcome: 'fixed',
  severity: 'medium',
  message: 'Cookie "XSRF-TOKEN" (res.cookie()): Secure is not set. Fix: secure: true.',
  changedFlags: ['secure'],
  fingerprint: '93d0b7e4f12a6c58',
  edits: [{ file: 'src/routes/csrf.ts', start: 0, end: 0, text: '' }],
});

/** A `cookie_settings` dict that no call splats: nothing to set, but worth saying. */
export const unusedTornadoDict = finding({
  ruleId: 'tornado-cookie-settings',
  framework: 'tornado',
  file: 'config/legacy_settings.py',
  line: 7,
  column: 19,
  kind: 'other',
  problems: [],
  outcome: 'manual',
  severity: 'low',
  message:
    '`cookie_settings` is never passed to a cookie call: Tornado has no `cookie_settings` setting and reads cookie flags only from each set_cookie / set_signed_cookie call, so this dict changes nothing on its own. The calls themselves were checked instead.',
  fingerprint: 'e1f2a3b4c5d6e7f8',
});

export const allCases = [tornadoSettingsDict, expressToken, expressSession, conditionalSecure, csrfCookie];

/** Files the fixes touch, for the summary sentence (contents do not matter to the report). */
export const changes = ['config/settings.py', 'src/app.ts', 'src/routes/auth.ts', 'src/routes/csrf.ts'].map(
  (file) => ({ file, before: '', after: '', edits: [] }),
);
