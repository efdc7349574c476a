import { cookies } from 'next/headers';
import { sessionCookieOptions } from '../lib/cookies';

export async function POST(request: Request) {
  const { token } = await request.json();
  const jar = await cookies();
  jar.set('session', token, sessionCookieOptions);
  // ruleid: nextjs-cookies-set secure-missing fixable
  jar.set({ name: 'session', value: token, ...sessionCookieOptions, secure: true });
  return Response.json({ ok: true });
}
