import { defineMiddleware } from 'astro:middleware';

export const onRequest = defineMiddleware(async (context, next) => {
  const sessionId = context.cookies.get('session_id')?.value;
  if (!sessionId) {
    // ruleid: astro-cookies-set httpOnly-missing secure-missing fixable
    context.cookies.set('session_id', crypto.randomUUID(), { path: '/', sameSite: 'lax' });
  }
  // ruleid: astro-cookies-set httpOnly-missing secure-missing fixable
  context.cookies.set('visited', '1');
  return next();
});
