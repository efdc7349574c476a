import { NextResponse, type NextRequest } from 'next/server';

export function middleware(request: NextRequest) {
  const response = NextResponse.next();
  // ruleid: nextjs-cookies-set httpOnly-missing secure-missing fixable
  response.cookies.set('session_id', crypto.randomUUID(), { path: '/', httpOnly: true, secure: true });
  // ok: nextjs-cookies-set
  request.cookies.set('session_id', 'x');
  // ruleid: nextjs-cookies-set httpOnly-missing manual
  response.cookies.set({ name: 'locale', value: 'en', secure: true });
  return response;
}

export function setAuth(res: NextResponse, token: string) {
  // ruleid: nextjs-cookies-set secure-false fixable
  res.cookies.set('access_token', token, { httpOnly: true, secure: true });
  return res;
}

export async function GET() {
  const json = NextResponse.json({ ok: true });
  // ruleid: nextjs-cookies-set secure-missing fixable
  json.cookies.set('XSRF-TOKEN', 'abc', { secure: true });
  return json;
}

// ruleid: nextjs-cookies-set secure-missing fixable
const rememberOptions = { httpOnly: true, maxAge: 60 * 60 * 24 * 30, secure: true };

export function remember(res: NextResponse, token: string) {
  res.cookies.set('remember_token', token, rememberOptions);
}
