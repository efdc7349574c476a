'use server';
import { getRequestEvent } from 'solid-js/web';
import { deleteCookie, getRequestProtocol, setCookie } from 'vinxi/http';
import { sign } from './jwt';

const cache = new Map<string, string>();

export async function login(userId: string) {
  const event = getRequestEvent()!.nativeEvent;
  // ruleid: h3-set-cookie httpOnly-missing secure-missing fixable
  setCookie(event, 'session_id', await sign(userId), { path: '/', maxAge: 60 * 60 * 24 });
  // ruleid: h3-set-cookie secure-conditional conditional
  setCookie(event, 'refresh_token', await sign(userId), {
    httpOnly: true,
    secure: getRequestProtocol(event) === 'https',
  });
  // ruleid: h3-set-cookie secure-false fixable
  setCookie('auth_token', await sign(userId), { httpOnly: true, secure: false });
  // ruleid: h3-set-cookie httpOnly-missing secure-missing fixable
  setCookie('user_id', userId);
  // ok: h3-set-cookie
  setCookie('sid', userId, { httpOnly: true, secure: true, sameSite: 'lax' });
  // ok: h3-set-cookie
  setCookie(event, 'session_id', '', { maxAge: 0 });
  // ok: h3-set-cookie
  deleteCookie(event, 'session_id');
  // ok: h3-set-cookie
  cache.set('user', userId);
}

const SECURE_OPTIONS = { httpOnly: true, secure: true, sameSite: 'lax' } as const;

export function remember(name: string, value: string) {
  // Three plain values without the event: (name, value, options).
  // ok: h3-set-cookie
  setCookie(name, value, SECURE_OPTIONS);
}
