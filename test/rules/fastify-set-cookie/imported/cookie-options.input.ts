import type { CookieSerializeOptions } from '@fastify/cookie';

// ruleid: fastify-set-cookie httpOnly-missing secure-missing fixable
export const sessionCookie: CookieSerializeOptions = {
  path: '/',
  sameSite: 'strict',
};
