import { Elysia } from 'elysia';

export const refresh = new Elysia().post('/refresh', ({ cookie, request }) => {
  // ruleid: elysia-cookie secure-conditional conditional
  cookie.refresh_token.update({ value: 'x', httpOnly: true, secure: request.url.startsWith('https:') });
  return { ok: true };
});
