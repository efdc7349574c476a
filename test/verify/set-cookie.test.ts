import { describe, expect, it } from 'vitest';
import { cookieProblems } from '../../src/verify/checks.js';
import { expectationFor } from '../../src/verify/expectations.js';
import { parseCookieDate, parseSetCookie } from '../../src/verify/set-cookie.js';
import type { CodeCookie } from '../../src/verify/types.js';

const NOW = new Date('2026-12-01T12:00:00Z');

describe('parseSetCookie (RFC 6265bis)', () => {
  it('reads attribute names in any case, values or none, and hides the value in the header shown', () => {
    expect(
      parseSetCookie(
        'sid=s3cr3t; path=/app; HTTPONLY; secure; SameSite=lax; Domain=.Example.COM; Partitioned',
        NOW,
      ),
    ).toEqual({
      name: 'sid',
      value: 's3cr3t',
      attributes: {
        httpOnly: true,
        secure: true,
        sameSite: 'Lax',
        path: '/app',
        domain: 'example.com',
        maxAge: null,
        expires: null,
        partitioned: true,
      },
      deletion: false,
      header: 'sid=…; path=/app; HTTPONLY; secure; SameSite=lax; Domain=.Example.COM; Partitioned',
    });
  });

  it('shows no part of a quoted value that held a `;`: what follows it is masked, known attributes are kept', () => {
    const cookie = parseSetCookie('q="quoted;x"; HttpOnly; Priority=High; Foo=bar', NOW)!;
    // As a browser reads it: the value ends at the first `;`, and `x"` is an attribute it ignores.
    expect([cookie.value, cookie.attributes.httpOnly]).toEqual(['"quoted', true]);
    expect(cookie.header).toBe('q=…; …; HttpOnly; Priority=High; …');
  });

  it('keeps quotes as part of the value and lets the last repeated attribute win', () => {
    const cookie = parseSetCookie('pref="a b"; SameSite=Strict; samesite=None; Path=/x; Path=relative', NOW)!;
    expect(cookie.value).toBe('"a b"');
    expect(cookie.attributes.sameSite).toBe('None');
    // A path that does not start with `/` is the default path: recorded as absent.
    expect(cookie.attributes.path).toBeNull();
  });

  it('a SameSite value browsers do not know is absent', () => {
    expect(parseSetCookie('a=1; SameSite=Sometimes', NOW)!.attributes.sameSite).toBeNull();
  });

  it('Max-Age ≤ 0 and a past Expires are deletions; Max-Age wins over Expires', () => {
    expect(parseSetCookie('a=; Max-Age=0', NOW)!.deletion).toBe(true);
    expect(parseSetCookie('a=; Max-Age=-1', NOW)!.deletion).toBe(true);
    expect(parseSetCookie('a=; Expires=Thu, 01 Jan 1970 00:00:00 GMT', NOW)!.deletion).toBe(true);
    expect(parseSetCookie('a=1; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=60', NOW)!.deletion).toBe(
      false,
    );
    expect(parseSetCookie('a=1; Max-Age=1e3', NOW)!.attributes.maxAge).toBeNull();
    const later = parseSetCookie('a=1; expires=Wed, 02-Dec-2026 10:00:00 GMT', NOW)!;
    expect(later.deletion).toBe(false);
    expect(later.attributes.expires).toBe('2026-12-02T10:00:00.000Z');
  });

  it('a pair without `=` is a nameless cookie; an empty pair and control characters are ignored', () => {
    expect(parseSetCookie('justvalue; Secure', NOW)).toMatchObject({ name: '', value: 'justvalue' });
    expect(parseSetCookie('=; Secure', NOW)).toBeNull();
    expect(parseSetCookie('a=b\u0001c', NOW)).toBeNull();
  });
});

describe('parseCookieDate', () => {
  it('takes the tokens in any order and two-digit years', () => {
    expect(parseCookieDate('Sun, 06 Nov 1994 08:49:37 GMT')).toBe(Date.UTC(1994, 10, 6, 8, 49, 37));
    expect(parseCookieDate('Sunday, 06-Nov-94 08:49:37 GMT')).toBe(Date.UTC(1994, 10, 6, 8, 49, 37));
    expect(parseCookieDate('Nov 6 08:49:37 2026')).toBe(Date.UTC(2026, 10, 6, 8, 49, 37));
    expect(parseCookieDate('not a date')).toBeNull();
  });
});

const site = (
  names: string[],
  httpOnly: CodeCookie['expected']['httpOnly'],
  secure: CodeCookie['expected']['secure'],
): CodeCookie => ({
  names,
  ruleId: 'express-res-cookie',
  framework: 'express',
  file: 'app.js',
  line: 3,
  kind: 'session',
  expected: { httpOnly, secure },
  reasons: {},
});

describe('expectations and checks', () => {
  const https = new URL('https://example.test/');
  const http = new URL('http://example.test/');

  it('come from the code site, not the name: a browser-read "session" cookie is not expected HttpOnly', () => {
    const sites = [site(['session'], 'not-required', 'required')];
    expect(expectationFor('session', https, sites)).toEqual({
      httpOnly: false,
      secure: true,
      source: 'code',
      sites: ['app.js:3'],
    });
  });

  it('a Secure the framework gives on HTTPS only is expected on HTTPS answers only', () => {
    const sites = [site(['sid'], 'required', 'https')];
    expect(expectationFor('sid', https, sites).secure).toBe(true);
    expect(expectationFor('sid', http, sites).secure).toBe(false);
  });

  it('the name is the fallback when no site explains the cookie', () => {
    expect(expectationFor('auth_token', https, [])).toEqual({
      httpOnly: true,
      secure: true,
      source: 'name',
      sites: [],
    });
    expect(expectationFor('XSRF-TOKEN', https, [])).toMatchObject({ httpOnly: false, secure: true });
    expect(expectationFor('theme', https, [])).toMatchObject({ httpOnly: false, secure: true });
  });

  it('browser rules apply whatever the code expects', () => {
    const none = { httpOnly: false, secure: false, source: 'code' as const, sites: ['app.js:3'] };
    const codes = (header: string) =>
      cookieProblems(parseSetCookie(header, NOW)!, none).map((problem) => problem.code);
    expect(codes('__Secure-id=1; Path=/')).toEqual(['secure-prefix-not-secure']);
    expect(codes('__Host-id=1; Secure; Path=/app; Domain=example.test')).toEqual([
      'host-prefix-path',
      'host-prefix-domain',
    ]);
    expect(codes('__host-id=1')).toEqual(['host-prefix-not-secure', 'host-prefix-path']);
    expect(codes('__Host-id=1; Secure; Path=/')).toEqual([]);
    expect(codes('x=1; SameSite=None')).toEqual(['samesite-none-not-secure']);
    expect(codes('x=1; SameSite=None; Secure')).toEqual([]);
  });

  it('a missing Secure the code needs is one problem, not one more per browser rule', () => {
    const expected = { httpOnly: true, secure: true, source: 'code' as const, sites: ['app.js:3'] };
    expect(cookieProblems(parseSetCookie('__Host-sid=1; Path=/; SameSite=None', NOW)!, expected)).toEqual([
      {
        code: 'httpOnly-missing',
        message: '__Host-sid is sent without HttpOnly (the code at app.js:3 needs it)',
      },
      {
        code: 'secure-missing',
        message: '__Host-sid is sent without Secure (the code at app.js:3 needs it)',
      },
    ]);
  });
});
