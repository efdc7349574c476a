// What a cookie's name suggests: a hint for severity only, so words that merely describe a user are not sessions.
import { describe, expect, it } from 'vitest';
import { kindOfName } from '../../src/cookie-kind.js';

describe('kindOfName', () => {
  it.each([
    ['logged_in', 'other'],
    ['user_theme', 'other'],
    ['tokenExpiresAt', 'other'],
    ['ajs_user_id', 'other'],
    ['user', 'other'],
    ['uid', 'other'],
    ['remember_me', 'other'],
    ['wordpress_logged_in_abc', 'other'],
    ['theme', 'other'],
  ])('%s is not a session cookie', (name, kind) => {
    expect(kindOfName(name)).toBe(kind);
  });

  it.each([
    ['sid', 'session'],
    ['connect.sid', 'session'],
    ['sessionid', 'session'],
    ['JSESSIONID', 'session'],
    ['PHPSESSID', 'session'],
    ['laravel_session', 'session'],
    ['session_id', 'session'],
    ['auth_token', 'session'],
    ['authToken', 'session'],
    ['refresh_token', 'session'],
    ['remember_token', 'session'],
    ['next-auth.session-token', 'session'],
    ['jwt', 'session'],
    ['__Host-sid', 'session'],
  ])('%s is a session cookie', (name, kind) => {
    expect(kindOfName(name)).toBe(kind);
  });

  it.each([['csrftoken'], ['XSRF-TOKEN'], ['_xsrf'], ['csrf_session']])('%s is a CSRF cookie', (name) => {
    expect(kindOfName(name)).toBe('csrf');
  });
});
