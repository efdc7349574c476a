// What `verify --browser` hands to the browser check: the flags code sites expect, one entry per name, and
// nothing from a cookie no code sets.
import { describe, expect, it } from 'vitest';
import { browserExpectations, checkInBrowser } from '../../src/verify/in-browser.js';
import type { CookieExpectation, ObservedCookie } from '../../src/verify/types.js';

function seen(name: string, expected: CookieExpectation): ObservedCookie {
  return {
    name,
    url: 'https://app.test/',
    step: null,
    attributes: {
      httpOnly: false,
      secure: false,
      sameSite: null,
      path: '/',
      domain: null,
      maxAge: null,
      expires: null,
      partitioned: false,
    },
    expected,
    problems: [],
    notes: [],
    header: `${name}=…; Path=/`,
  };
}

const code = (httpOnly: boolean, secure: boolean): CookieExpectation => ({
  httpOnly,
  secure,
  source: 'code',
  sites: ['app.js:1'],
});

describe('browserExpectations', () => {
  it('joins the flags a name needs across answers, and leaves out cookies no code sets or that need no flag', () => {
    expect(
      browserExpectations([
        seen('sid', code(true, false)),
        seen('theme', code(false, false)),
        seen('sid', code(false, true)),
        seen('auth_token', { httpOnly: true, secure: true, source: 'name', sites: [] }),
        seen('csrf', code(false, true)),
      ]),
    ).toEqual([
      { name: 'sid', httpOnly: true, secure: true },
      { name: 'csrf', httpOnly: false, secure: true },
    ]);
  });

  it('starts no browser when there is nothing to judge, and says so', async () => {
    const report = await checkInBrowser(
      [new URL('https://app.test/')],
      [seen('lb', { httpOnly: false, secure: true, source: 'name', sites: [] })],
      { ca: null, timeoutMs: 1_000 },
    );
    expect(report).toEqual({
      skipped: 'browser check skipped: no cookie that the code expects HttpOnly or Secure was received',
      results: [],
      unstored: [],
    });
  });
});
