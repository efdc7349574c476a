import { Elysia } from 'elysia';

// The app config already sets both flags: every cookie of this instance inherits them.
const app = new Elysia({ cookie: { httpOnly: true, secure: true, sameSite: 'strict' } });

app.post('/login', ({ cookie }) => {
  // ok: elysia-cookie
  cookie.session_id.set({ value: crypto.randomUUID(), path: '/' });
  cookie.remember_token.value = crypto.randomUUID();
});

// ruleid: elysia-cookie secure-missing fixable
const api = new Elysia({ cookie: { secure: true } });

api.get('/token', ({ cookie: { access_token } }) => {
  access_token.value = crypto.randomUUID();
  access_token.httpOnly = true;
});

// A Map's `set` with one argument on a member called `cookie`: not a handler's jar.
const registry = { cookie: new Set<string>() };
// ok: elysia-cookie
registry.cookie.add('x');

export { app, api };
