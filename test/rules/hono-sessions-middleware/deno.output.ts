import { Hono } from 'npm:hono';
import { CookieStore, sessionMiddleware } from 'jsr:@jcs224/hono-sessions';

const app = new Hono();
const isProduction = Deno.env.get('DENO_ENV') === 'production';

app.use(
  '*',
  sessionMiddleware({
    store: new CookieStore(),
    encryptionKey: Deno.env.get('SESSION_KEY'),
    // ruleid: hono-sessions-middleware httpOnly-missing secure-conditional fixable
    cookieOptions: { secure: isProduction, path: '/', httpOnly: true },
  }),
);

// ok: hono-sessions-middleware
app.use('/other/*', sessionMiddleware);

export default app;
