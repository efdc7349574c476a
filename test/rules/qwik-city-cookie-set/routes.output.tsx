import { component$ } from '@builder.io/qwik';
import { routeAction$, routeLoader$, type RequestHandler } from '@builder.io/qwik-city';
import { sign } from './jwt';

export const onRequest: RequestHandler = async ({ cookie, next }) => {
  // ruleid: qwik-city-cookie-set httpOnly-missing secure-missing fixable
  cookie.set('session_id', crypto.randomUUID(), { path: '/', sameSite: 'lax', httpOnly: true, secure: true });
  await next();
};

export const onGet: RequestHandler = async (requestEvent) => {
  // ruleid: qwik-city-cookie-set secure-false fixable
  requestEvent.cookie.set('auth_token', await sign(requestEvent.params), {
    path: '/',
    httpOnly: true,
    secure: true,
  });
  // ruleid: qwik-city-cookie-set httpOnly-missing secure-missing fixable
  requestEvent.cookie.append('visit_id', String(Date.now()), { secure: true });
  // ok: qwik-city-cookie-set
  requestEvent.cookie.set('session_id', 'deleted', { path: '/', maxAge: 0 });
  // ok: qwik-city-cookie-set
  requestEvent.cookie.delete('session_id', { path: '/' });
};

export const useLogin = routeAction$(async (data, { cookie, url }) => {
  // ruleid: qwik-city-cookie-set secure-conditional conditional
  cookie.set('refresh_token', String(data.token), {
    path: '/',
    httpOnly: true,
    secure: url.protocol === 'https:',
  });
  // ok: qwik-city-cookie-set
  cookie.set('sid', String(data.token), { path: '/', httpOnly: true, secure: true, sameSite: 'strict' });
  return { ok: true };
});

export const useTheme = routeLoader$(({ cookie }) => {
  // ruleid: qwik-city-cookie-set httpOnly-false manual
  cookie.set('theme', 'dark', { path: '/', httpOnly: false, secure: true });
  return cookie.get('theme')?.value ?? 'light';
});

// A module-level jar of the app's own: not the request event's.
const cookie = new Map<string, string>();
// ok: qwik-city-cookie-set
cookie.set('theme', 'light');

export default component$(() => <div />);
