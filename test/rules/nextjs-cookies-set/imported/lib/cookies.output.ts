import type { ResponseCookie } from 'next/dist/compiled/@edge-runtime/cookies';

// ruleid: nextjs-cookies-set secure-missing fixable
export const sessionCookieOptions: Partial<ResponseCookie> = {
  httpOnly: true,
  sameSite: 'lax',
  path: '/',
  secure: true,
};
