import { refreshCookie } from '../../utils/cookies';

export default defineEventHandler(async (event) => {
  const { token } = await readBody(event);
  // ruleid: h3-set-cookie secure-missing fixable
  setCookie(event, 'token', token, {
    httpOnly: true,
    sameSite: 'lax',
    expires: new Date(Date.now() + 7 * 24 * 60 * 60 * 1000),
  });
  // ruleid: h3-set-cookie secure-missing fixable
  setCookie(event, "token", token, { maxAge: 60 * 60, httpOnly: true })
  // ruleid: h3-set-cookie httpOnly-missing secure-missing fixable
  setCookie(event, 'session', token)
  // ruleid: h3-set-cookie httpOnly-false secure-false manual
  setCookie(event, 'auth', token, { httpOnly: false, secure: false });
  // ruleid: h3-set-cookie secure-missing fixable
  setCookie(event, 'XSRF-TOKEN', crypto.randomUUID(), { sameSite: 'strict' });
  setCookie(event, 'refresh_token', token, refreshCookie);
  // ok: h3-set-cookie
  setCookie(event, 'auth', token, { httpOnly: true, secure: true });
  return { ok: true };
});
