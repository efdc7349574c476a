import { sessionConfig } from '../utils/session';

const isDev = import.meta.dev;

export default defineEventHandler(async (event) => {
  const session = await getSession(event, sessionConfig);
  // ok: h3-use-session
  await useSession(event, { password: 'x'.repeat(32) });
  // ok: h3-use-session
  await useSession(event, { password: 'x'.repeat(32), cookie: { sameSite: 'strict' } });
  // ruleid: h3-use-session httpOnly-false fixable
  await useSession(event, { password: 'x'.repeat(32), cookie: { httpOnly: true } });
  // ruleid: h3-use-session secure-conditional conditional
  await useSession(event, { password: 'x'.repeat(32), cookie: { secure: !import.meta.dev } });
  // ruleid: h3-use-session secure-false manual
  await useSession(event, { password: 'x'.repeat(32), cookie: { secure: isDev } });
  // ruleid: h3-use-session secure-false fixable
  await useSession(event, { password: 'x'.repeat(32), name: 'csrf', cookie: { secure: !import.meta.dev } });
  // ok: h3-use-session
  await useSession(event, { password: 'x'.repeat(32), cookie: false });
  // ok: h3-use-session
  await useSession(event, { ...sessionConfig, name: 'other', cookie: { path: '/' } });
  return session.data;
});
