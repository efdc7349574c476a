import { dev } from '$app/environment';
import { fail, redirect } from '@sveltejs/kit';
import { rememberCookie } from '../../lib/server/cookies';
import type { Actions } from './$types';

export const actions = {
  default: async ({ cookies, request }) => {
    const data = await request.formData();
    const token = String(data.get('token') ?? '');
    if (!token) return fail(400);
    // ok: sveltekit-cookies-set
    cookies.set('session', token, { path: '/' });
    // ok: sveltekit-cookies-set
    cookies.set('session', token, { path: '/', maxAge: 60 * 60 * 24 * 30, sameSite: 'strict' });
    // ruleid: sveltekit-cookies-set httpOnly-false manual
    cookies.set('session', token, { path: '/', httpOnly: false });
    // ruleid: sveltekit-cookies-set secure-false fixable
    cookies.set('theme', 'dark', { path: '/', secure: false });
    // ruleid: sveltekit-cookies-set secure-conditional conditional
    cookies.set('auth', token, { path: '/', secure: !dev });
    // ruleid: sveltekit-cookies-set secure-false manual
    cookies.set('auth', token, { path: '/', secure: dev });
    // ok: sveltekit-cookies-set
    cookies.set('csrf_token', crypto.randomUUID(), { path: '/', httpOnly: false });
    cookies.set('remember_token', token, rememberCookie);
    redirect(303, '/');
  },
} satisfies Actions;

export function forward(event: Parameters<Actions['default']>[0], extra: object) {
  // ruleid: sveltekit-cookies-set httpOnly-unknown secure-unknown conditional
  event.cookies.set('sid', 'x', { path: '/', ...extra });
  // ruleid: sveltekit-cookies-set secure-false fixable
  event.cookies.set('sid', 'x', { path: '/', secure: false });
}

// ruleid: sveltekit-cookies-set httpOnly-false manual
const sessionCookie = { path: '/', httpOnly: false, sameSite: 'lax' } as const;

export const load = ({ cookies }) => {
  cookies.set('session', 'x', sessionCookie);
};
