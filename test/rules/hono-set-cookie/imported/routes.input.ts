import { Hono } from 'hono';
import { setCookie } from 'hono/cookie';
import { authCookie } from './cookie.service';

export const routes = new Hono().post('/token', (c) => {
  setCookie(c, 'access_token', 'abc', authCookie);
  return c.text('ok');
});
