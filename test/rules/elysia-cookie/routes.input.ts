import { Elysia, t } from 'elysia';
import { jwt } from './jwt';

const cache = new Map<string, string>();

export const auth = new Elysia({ prefix: '/auth' })
  .post('/login', async ({ cookie, body, request }) => {
    const token = await jwt.sign(body);
    // ruleid: elysia-cookie httpOnly-missing secure-missing fixable
    cookie.session_id.set({ value: token, path: '/', maxAge: 60 * 60 * 24 });
    // ruleid: elysia-cookie secure-false fixable
    cookie['auth_token'].set({ value: token, httpOnly: true, secure: false });
    // ok: elysia-cookie
    cookie.sid.set({ value: token, httpOnly: true, secure: true, sameSite: 'lax' });
    // ok: elysia-cookie
    cookie.session_id.set({ value: '', maxAge: 0 });
    // ok: elysia-cookie
    cookie.session_id.remove();
    // ok: elysia-cookie
    cache.set('token', token);
    return { ok: true };
  })
  .get('/me', ({ cookie: { session_id, theme } }) => {
    // ruleid: elysia-cookie httpOnly-false manual
    theme.set({ value: 'dark', httpOnly: false, secure: true });
    return session_id.value;
  });

// ruleid: elysia-cookie httpOnly-missing secure-missing fixable
export const app = new Elysia({ name: 'app', cookie: { path: '/', sameSite: 'lax' } })
  .use(auth)
  .get('/visit', ({ cookie: { visit_id } }) => {
    visit_id.value = crypto.randomUUID();
    return 'ok';
  })
  .get('/session', ({ cookie }) => {
    cookie.session_id.value = crypto.randomUUID();
    return 'ok';
  });
