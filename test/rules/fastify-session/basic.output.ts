import Fastify from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifySession from '@fastify/session';

const app = Fastify();
const isDev = process.env.NODE_ENV === 'development';
app.register(fastifyCookie);

// ok: fastify-session
app.register(fastifySession, { secret: process.env.SESSION_SECRET! });
// ok: fastify-session
app.register(fastifySession, { secret: 's', cookie: { maxAge: 86_400_000, sameSite: 'lax' } });
// ok: fastify-session
app.register(fastifySession, { secret: 's', cookie: { secure: 'auto' } });

app.register(fastifySession, {
  secret: 's',
  cookieName: 'sessionId',
  // ruleid: fastify-session secure-false fixable
  cookie: {
    secure: process.env.NODE_ENV === 'production',
    maxAge: 86_400_000,
  },
});

// ruleid: fastify-session httpOnly-false fixable
app.register(fastifySession, { secret: 's', cookie: { httpOnly: true } });

// ruleid: fastify-session secure-false manual
app.register(fastifySession, { secret: 's', cookie: { secure: isDev } });

// ruleid: fastify-session secure-conditional conditional
app.register(fastifySession, { secret: 's', cookie: { secure: process.env.NODE_ENV === 'production' } });

// ruleid: fastify-session secure-false fixable
app.register(fastifySession, { secret: 's', cookieName: 'csrf-session', cookie: { secure: process.env.NODE_ENV === 'production' } });

const sharedCookie = { path: '/' };
// ok: fastify-session
app.register(fastifySession, { secret: 's', cookie: { ...sharedCookie, maxAge: 1000 } });

export function register(extra: object) {
  // ruleid: fastify-session httpOnly-unknown secure-unknown conditional
  app.register(fastifySession, { secret: 's', cookie: { ...extra } });
}

// ok: fastify-session
app.register(import('./routes.js'), { cookie: { secure: false } });

const sessionOptions = {
  secret: 's',
  // ruleid: fastify-session secure-false fixable
  cookie: { secure: process.env.NODE_ENV === 'production', path: '/' },
};
app.register(fastifySession, sessionOptions);
