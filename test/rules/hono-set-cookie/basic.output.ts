import { Hono } from 'hono';
import { setCookie, setSignedCookie } from 'hono/cookie';
import * as cookie from 'hono/cookie';

const app = new Hono<{ Bindings: { SECRET: string } }>();
const base = { path: '/', sameSite: 'Lax' } as const;

function issue(c: Context, token: string, isProduction: boolean) {
  // ruleid: hono-set-cookie httpOnly-false secure-conditional manual
  setCookie(c, 'token', token, {
    httpOnly: false,
    sameSite: isProduction ? 'None' : 'Lax',
    secure: isProduction,
  });
}

app.post('/login', async (c) => {
  const token = 'jwt';
  // ruleid: hono-set-cookie httpOnly-missing secure-missing fixable
  setCookie(c, 'session', token, { httpOnly: true, secure: true });
  // ruleid: hono-set-cookie httpOnly-missing secure-missing fixable
  setCookie(c, 'auth_token', token, { path: '/', maxAge: 3600, httpOnly: true, secure: true });
  // ruleid: hono-set-cookie secure-missing fixable
  await setSignedCookie(c, 'sid', token, c.env.SECRET, { httpOnly: true, secure: true });
  // ruleid: hono-set-cookie secure-false fixable
  cookie.setCookie(c, 'refresh_token', token, { httpOnly: true, secure: true });
  // ok: hono-set-cookie
  setCookie(c, 'session', token, { httpOnly: true, prefix: 'secure' });
  // ok: hono-set-cookie
  setCookie(c, 'session', token, { httpOnly: true, secure: true, prefix: 'host' });
  // ruleid: hono-set-cookie httpOnly-missing secure-missing fixable
  setCookie(c, 'session', token, { ...base, maxAge: 60, httpOnly: true, secure: true });
  // ruleid: hono-set-cookie secure-missing fixable
  setCookie(c, 'csrf', 'value', { sameSite: 'Strict', secure: true });
  // ruleid: hono-set-cookie secure-conditional conditional
  setCookie(c, 'session', token, { httpOnly: true, secure: c.env.SECURE === 'true' });
  return c.json({ ok: true });
});

type Context = Parameters<Parameters<typeof app.get>[1]>[0];

function setCookieLocal(c: unknown, name: string, value: string) {
  return [c, name, value];
}
// ok: hono-set-cookie
setCookieLocal(null, 'session', 'x');

export default app;
