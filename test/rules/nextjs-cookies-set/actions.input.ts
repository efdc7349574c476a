'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';

const isDev = process.env.NODE_ENV === 'development';

export async function login(formData: FormData) {
  const token = await authenticate(formData);
  // ruleid: nextjs-cookies-set httpOnly-missing secure-missing fixable
  (await cookies()).set('session', token);
  const cookieStore = await cookies();
  // ruleid: nextjs-cookies-set httpOnly-missing secure-missing fixable
  cookieStore.set('token', token, { path: '/', maxAge: 60 * 60 * 24 * 7 });
  // ruleid: nextjs-cookies-set secure-missing fixable
  cookieStore.set({
    name: 'refresh_token',
    value: token,
    httpOnly: true,
  });
  // ruleid: nextjs-cookies-set httpOnly-false secure-false manual
  cookieStore.set('auth', token, { httpOnly: false, secure: false });
  // ruleid: nextjs-cookies-set secure-conditional conditional
  cookieStore.set('sid', token, { httpOnly: true, secure: process.env.NODE_ENV === 'production' });
  // ruleid: nextjs-cookies-set secure-false manual
  cookieStore.set('sid', token, { httpOnly: true, secure: isDev });
  // ok: nextjs-cookies-set
  cookieStore.set('sid', token, { httpOnly: true, secure: true, sameSite: 'lax' });
  redirect('/');
}

export async function preferences(theme: string, csrf: string) {
  // ruleid: nextjs-cookies-set httpOnly-missing secure-missing fixable
  cookies().set('theme', theme);
  // ruleid: nextjs-cookies-set secure-missing fixable
  cookies().set('csrf_token', csrf, { sameSite: 'strict' });
}

export async function withExtra(name: string, value: string, extra: object) {
  // ruleid: nextjs-cookies-set httpOnly-unknown secure-unknown conditional
  (await cookies()).set(name, value, { ...extra });
}

declare function authenticate(formData: FormData): Promise<string>;

// ok: nextjs-cookies-set
new Map<string, string>().set('session', 'x');
// ok: nextjs-cookies-set
new URLSearchParams().set('token', 'x');
