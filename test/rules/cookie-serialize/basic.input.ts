import { serialize } from 'cookie';
import * as cookie from 'cookie';
import { stringifySetCookie } from 'cookie';
import { serialize as serializeQuery } from './query';

export function headers(token: string, theme: string) {
  return [
    // ruleid: cookie-serialize httpOnly-missing secure-missing fixable
    serialize('session', token, { path: '/', maxAge: 3600 }),
    // ruleid: cookie-serialize httpOnly-missing secure-missing fixable
    cookie.serialize('auth', token),
    // ruleid: cookie-serialize httpOnly-missing secure-missing fixable
    stringifySetCookie({ name: 'sid', value: token, path: '/' }),
    // ruleid: cookie-serialize httpOnly-missing manual
    serialize('theme', theme, { secure: true }),
    // ok: cookie-serialize
    serialize('sid', token, { httpOnly: true, secure: true }),
    // ok: cookie-serialize
    serializeQuery('sid', token, {}),
  ];
}
