import { deleteCookie, setCookie } from 'jsr:@std/http@^1/cookie';
import { setCookie as honoSetCookie } from 'npm:hono/cookie';

Deno.serve(async (request) => {
  const headers = new Headers();
  const url = new URL(request.url);
  const sessionId = crypto.randomUUID();
  // ruleid: deno-std-set-cookie httpOnly-missing secure-missing fixable
  setCookie(headers, { name: 'session_id', value: sessionId, path: '/', sameSite: 'Lax', httpOnly: true, secure: true });
  // ruleid: deno-std-set-cookie secure-false fixable
  setCookie(headers, { name: 'auth_token', value: sessionId, httpOnly: true, secure: true });
  // ruleid: deno-std-set-cookie secure-conditional conditional
  setCookie(headers, { name: 'refresh_token', value: sessionId, httpOnly: true, secure: url.protocol === 'https:' });
  // ok: deno-std-set-cookie
  setCookie(headers, { name: 'sid', value: sessionId, httpOnly: true, secure: true });
  // ok: deno-std-set-cookie
  setCookie(headers, { name: 'session_id', value: '', maxAge: 0 });
  // ok: deno-std-set-cookie
  deleteCookie(headers, 'old_session', { path: '/' });
  return new Response('ok', { headers });
});

export function withHono(c: never) {
  // ok: deno-std-set-cookie
  honoSetCookie(c, 'sid', 'x', { httpOnly: true, secure: true });
}
