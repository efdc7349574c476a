import type { RequestHandler } from '@qwik.dev/router';

export const onPost: RequestHandler = async ({ cookie, json }) => {
  // ruleid: qwik-city-cookie-set httpOnly-missing secure-missing fixable
  cookie.set('session_id', crypto.randomUUID(), { path: '/', httpOnly: true, secure: true });
  json(200, { ok: true });
};
