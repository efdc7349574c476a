import { Hono } from 'hono';
import { setCookie } from 'hono/cookie';

const app = new Hono();

app.post('/login', (c) => {
  // ruleid: hono-set-cookie httpOnly-missing secure-missing fixable
  setCookie(c, 'session_id', 'abc', { path: '/' });
  // ok: hono-set-cookie
  setCookie(c, 'session_id', 'abc', { path: '/' }, 'unexpected');
  // ok: hono-set-cookie
  setCookie(c, 'session_id');
  // ruleid: hono-set-cookie httpOnly-unknown secure-unknown conditional
  setCookie(c, 'session_id', 'abc', c.get('cookieOptions'));
  return c.text('ok');
});

export default app;
