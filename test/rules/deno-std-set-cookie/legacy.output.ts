import { setCookie } from 'https://deno.land/std@0.224.0/http/cookie.ts';

export function login(headers: Headers, token: string) {
  // ruleid: deno-std-set-cookie httpOnly-missing secure-missing fixable
  setCookie(headers, { name: 'session_id', value: token, httpOnly: true, secure: true });
}
