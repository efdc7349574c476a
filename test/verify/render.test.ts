// The verify report as text and Markdown: a cookie no code sets is shown as information, and the browser
// check's results, its unstored cookies and its skip reason each have their place.
import { describe, expect, it } from 'vitest';
import { renderVerifyMarkdown, renderVerifyText } from '../../src/verify/render.js';
import type { CookieAttributes, VerifyReport } from '../../src/verify/types.js';

const NONE: CookieAttributes = {
  httpOnly: false,
  secure: false,
  sameSite: null,
  path: '/',
  domain: null,
  maxAge: null,
  expires: null,
  partitioned: false,
};

const REPORT: VerifyReport = {
  version: 1,
  cookies: [
    {
      name: 'sid',
      url: 'https://app.test/',
      step: null,
      attributes: { ...NONE, secure: true },
      expected: { httpOnly: true, secure: true, source: 'code', sites: ['app.js:4'] },
      problems: [
        { code: 'httpOnly-missing', message: 'sid is sent without HttpOnly (the code at app.js:4 needs it)' },
      ],
      notes: [],
      header: 'sid=…; Secure; Path=/',
    },
    {
      name: 'lb',
      url: 'https://app.test/',
      step: null,
      attributes: NONE,
      expected: { httpOnly: false, secure: true, source: 'name', sites: [] },
      problems: [],
      notes: [{ code: 'secure-missing', message: 'lb is sent without Secure (only its name suggests it)' }],
      header: 'lb=…; Path=/',
    },
  ],
  transport: [],
  unexplained: [{ name: 'lb', url: 'https://app.test/', step: null }],
  steps: [],
  unfollowedRedirects: [],
  browser: {
    skipped: null,
    results: [
      {
        name: 'sid',
        url: 'https://app.test/',
        check: 'hidden-from-script',
        passed: false,
        observed: 'document.cookie shows it',
      },
      {
        name: 'sid',
        url: 'https://app.test/',
        check: 'not-sent-over-http',
        passed: true,
        observed: 'stored Secure; not sent to http://app.test/: withheld (SecureOnly)',
      },
    ],
    unstored: [{ name: 'csrf', reason: 'no page set it' }],
  },
  expectations: { source: 'project', path: '.', sites: 2 },
  scenario: null,
  problemCount: 2,
};

describe('the verify report', () => {
  it('as text', () => {
    expect(renderVerifyText(REPORT)).toBe(
      [
        'FAIL sid from https://app.test/: Secure; Path=/; expects HttpOnly + Secure (code: app.js:4)',
        '       sid is sent without HttpOnly (the code at app.js:4 needs it)',
        'info lb from https://app.test/: Path=/; not judged: no code sets it (its name suggests Secure)',
        '       lb is sent without Secure (only its name suggests it)',
        'FAIL browser: sid from https://app.test/ must be hidden from scripts: document.cookie shows it',
        'ok   browser: sid from https://app.test/ must not be sent over http://: stored Secure; not sent to http://app.test/: withheld (SecureOnly)',
        'info browser: csrf was not stored: no page set it',
        'info lb (from https://app.test/) is set by no code location the scan found: a proxy, a CDN or a library may add it',
        '2 cookies checked, 2 problems.',
        '',
      ].join('\n'),
    );
  });

  it('as Markdown', () => {
    expect(renderVerifyMarkdown(REPORT)).toBe(
      [
        '## Cookie verification',
        '',
        '2 cookies checked, 2 problems.',
        '',
        '| Cookie | URL | Attributes | Expected | Result |',
        '| --- | --- | --- | --- | --- |',
        '| `sid` | `https://app.test/` | Secure; Path=/ | expects HttpOnly + Secure (code: app.js:4) | sid is sent without HttpOnly (the code at app.js:4 needs it) |',
        '| `lb` | `https://app.test/` | Path=/ | not judged: no code sets it (its name suggests Secure) | info, not counted: lb is sent without Secure (only its name suggests it) |',
        '',
        '### In the browser',
        '',
        '- [ ] `sid` from `https://app.test/` must be hidden from scripts: document.cookie shows it',
        // escapeText breaks the URL in prose so that GitHub does not turn it into a link.
        '- [x] `sid` from `https://app.test/` must not be sent over http://: stored Secure; not sent to http&#8203;://app.test/: withheld (SecureOnly)',
        '- `csrf` was not stored: no page set it',
        '',
        '### Cookies no code location explains',
        '',
        '- `lb` from `https://app.test/`: a proxy, a CDN or a library may set it',
        '',
      ].join('\n'),
    );
  });

  it('says in Markdown why the browser check did not run; the text leaves that to the notice on stderr', () => {
    const skipped: VerifyReport = {
      ...REPORT,
      cookies: [REPORT.cookies[0]!],
      unexplained: [],
      browser: { skipped: 'browser check skipped: no Chromium found', results: [], unstored: [] },
      problemCount: 1,
    };
    expect(renderVerifyMarkdown(skipped).split('\n').slice(-4)).toEqual([
      '### In the browser',
      '',
      'Not run: browser check skipped: no Chromium found',
      '',
    ]);
    expect(renderVerifyText(skipped)).not.toContain('browser');
  });
});

describe('the Markdown table', () => {
  it('escapes | and line breaks in every cell, the expectation and the result included', () => {
    const cookie = REPORT.cookies[0]!;
    const report: VerifyReport = {
      ...REPORT,
      cookies: [
        {
          ...cookie,
          name: 'a|b',
          expected: { ...cookie.expected, sites: ['x|y.js:4'] },
          problems: [{ code: 'httpOnly-missing', message: 'a|b is sent\nwithout HttpOnly' }],
        },
      ],
      unexplained: [],
      browser: null,
    };
    const row = renderVerifyMarkdown(report)
      .split('\n')
      .find((line) => line.startsWith('| `a'));
    expect(row).toBe(
      '| `a\\|b` | `https://app.test/` | Secure; Path=/ | expects HttpOnly + Secure (code: x\\|y.js:4) | a\\|b is sent without HttpOnly |',
    );
  });
});
