import { Hono } from 'hono';
import { CookieStore, sessionMiddleware } from 'hono-sessions';

const app = new Hono();
const store = new CookieStore();

app.use(
  '*',
  sessionMiddleware({
    store,
    encryptionKey: 'password_at_least_32_characters_long',
    expireAfterSeconds: 900,
    // ruleid: hono-sessions-middleware httpOnly-missing secure-missing fixable
    cookieOptions: {
      sameSite: 'Lax',
      path: '/',
      httpOnly: true,
      secure: true,
    },
  }),
);

// ruleid: hono-sessions-middleware httpOnly-missing secure-missing fixable
app.use('/admin/*', sessionMiddleware({ store, encryptionKey: 'another_password_at_least_32_chars', cookieOptions: { httpOnly: true, secure: true } }));

app.use(
  '/api/*',
  sessionMiddleware({
    store,
    sessionCookieName: 'api_session',
    // ruleid: hono-sessions-middleware secure-false fixable
    cookieOptions: { httpOnly: true, secure: true, path: '/' },
  }),
);

app.use(
  '/safe/*',
  sessionMiddleware({
    store,
    // ok: hono-sessions-middleware
    cookieOptions: { httpOnly: true, secure: true, sameSite: 'Strict' },
  }),
);

export function withOptions(options: Parameters<typeof sessionMiddleware>[0]) {
  // ruleid: hono-sessions-middleware httpOnly-unknown secure-unknown conditional
  return sessionMiddleware(options);
}

export default app;
