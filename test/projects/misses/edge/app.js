import { Hono } from 'hono';
import { CookieStore, sessionMiddleware } from 'hono-sessions';

const app = new Hono();

app.use(
  '*',
  sessionMiddleware({
    store: new CookieStore(),
    encryptionKey: process.env.SESSION_KEY,
    cookieOptions: {
      sameSite: 'Lax',
      path: '/',
    },
  }),
);

app.post('/remember', (c) => {
  c.header('Set-Cookie', `remember_token=${c.get('token')}; Path=/; HttpOnly`);
  return c.text('ok');
});

export default app;
