import createMiddleware from 'next-intl/middleware';
import { type NextRequest } from 'next/server';
import { routing } from './i18n/routing';
import { refreshSession } from './lib/auth';

const handleI18nRouting = createMiddleware(routing);

export default async function middleware(request: NextRequest) {
  const response = handleI18nRouting(request);
  const session = await refreshSession(request);
  if (session) {
    // ruleid: nextjs-cookies-set httpOnly-missing secure-missing fixable
    response.cookies.set('session_id', session.id, { path: '/', sameSite: 'lax' });
    // ruleid: nextjs-cookies-set secure-false fixable
    response.cookies.set('refresh_token', session.refresh, { httpOnly: true, secure: false });
  }
  // ok: nextjs-cookies-set
  request.cookies.set('locale', 'en');
  // Two arguments fit a request's cookies too: on a response made elsewhere, nothing says which it is.
  // ok: nextjs-cookies-set
  response.cookies.set('seen', '1');
  return response;
}

export function forward(req: NextRequest, target: NextRequest) {
  // ok: nextjs-cookies-set
  target.cookies.set('sid', 'x', { secure: false } as never);
  return req;
}
