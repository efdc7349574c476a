import { createCookie, createCookieSessionStorage, createFileSessionStorage } from '@remix-run/node';

// ruleid: remix-create-cookie httpOnly-missing secure-missing fixable
export const userPrefs = createCookie('prefs', { secure: process.env.NODE_ENV === 'production' });

// ruleid: remix-create-cookie secure-missing fixable
export const sessionCookie = createCookie('_session', {
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 30,
  secure: process.env.NODE_ENV === 'production',
});

// ruleid: remix-create-cookie httpOnly-false manual
export const authCookie = createCookie('auth', { httpOnly: false, secure: true });

// ruleid: remix-create-cookie secure-missing fixable
export const csrfCookie = createCookie('csrf', { sameSite: 'strict', secure: process.env.NODE_ENV === 'production' });

export const sessionStorage = createCookieSessionStorage({
  // ruleid: remix-create-cookie secure-conditional conditional
  cookie: {
    name: '__session',
    httpOnly: true,
    path: '/',
    sameSite: 'lax',
    secrets: [process.env.SESSION_SECRET!],
    secure: process.env.NODE_ENV === 'production',
  },
});

// ruleid: remix-create-cookie httpOnly-missing secure-missing fixable
export const bare = createCookieSessionStorage({ cookie: { httpOnly: true, secure: process.env.NODE_ENV === 'production' } });

// ok: remix-create-cookie
export const wrapped = createCookieSessionStorage({ cookie: sessionCookie });

// ruleid: remix-create-cookie httpOnly-missing secure-missing fixable
export const files = createFileSessionStorage({ dir: '/tmp/sessions', cookie: { httpOnly: true, secure: process.env.NODE_ENV === 'production' } });

// ok: remix-create-cookie
export const safe = createCookie('session', { httpOnly: true, secure: true, sameSite: 'lax' });
