import { defineEventHandler, setCookie } from 'h3';
import { setCookie as honoSetCookie } from 'hono/cookie';

export default defineEventHandler(async (event) => {
  const token = 'jwt';
  // ruleid: h3-set-cookie secure-conditional conditional
  setCookie(event, 'token', token, {
    httpOnly: true,
    secure: process.env.NODE_ENV === 'production',
  });
  // ruleid: h3-set-cookie httpOnly-missing secure-missing fixable
  setCookie(event, 'sid', token, { ...defaults, httpOnly: true, secure: process.env.NODE_ENV === 'production' });
  // ruleid: h3-set-cookie httpOnly-unknown secure-unknown conditional
  setCookie(event, 'sid', token, { ...useRuntimeConfig().cookie });
  // ok: h3-set-cookie
  honoSetCookie(event as never, 'sid', token, { httpOnly: true, secure: true });
});

const defaults = { path: '/' };
