import type { APIRoute } from 'astro';
import { signToken } from '../../lib/auth';

export const POST: APIRoute = async ({ cookies, request, redirect }) => {
  const form = await request.formData();
  const token = await signToken(String(form.get('user')));
  // ruleid: astro-cookies-set secure-false fixable
  cookies.set('auth_token', token, { httpOnly: true, secure: true, path: '/' });
  // ruleid: astro-cookies-set httpOnly-false manual
  cookies.set('theme', String(form.get('theme')), { httpOnly: false, secure: true, path: '/' });
  // ruleid: astro-cookies-set secure-conditional conditional
  cookies.set('refresh_token', token, { httpOnly: true, secure: new URL(request.url).protocol === 'https:', path: '/' });
  // ok: astro-cookies-set
  cookies.set('sid', token, { httpOnly: true, secure: true, path: '/' });
  // ok: astro-cookies-set
  cookies.set('sid', '', { maxAge: 0, path: '/' });
  // ok: astro-cookies-set
  cookies.delete('sid', { path: '/' });
  return redirect('/');
};
