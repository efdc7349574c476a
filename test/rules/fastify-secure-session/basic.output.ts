import Fastify from 'fastify';
import secureSession from '@fastify/secure-session';
import { readFileSync } from 'node:fs';

const app = Fastify();
const key = readFileSync('secret-key');
const isProduction = process.env.NODE_ENV === 'production';

// ruleid: fastify-secure-session secure-missing fixable
app.register(secureSession, { key, cookie: { secure: isProduction } });

app.register(secureSession, {
  key,
  cookieName: 'my-session',
  // ruleid: fastify-secure-session secure-missing fixable
  cookie: {
    path: '/',
    maxAge: 86400,
    secure: isProduction,
  },
});

app.register(secureSession, {
  key,
  cookie: { path: '/' },
  // cookieOptions wins over cookie
  // ruleid: fastify-secure-session httpOnly-false fixable
  cookieOptions: { httpOnly: true, secure: true },
});

// ok: fastify-secure-session
app.register(secureSession, { key, cookie: { secure: true } });

// ruleid: fastify-secure-session secure-conditional conditional
app.register(secureSession, { key, cookie: { secure: isProduction } });

// ruleid: fastify-secure-session secure-missing fixable
app.register(secureSession, { key, cookieName: 'csrf_session', cookie: { path: '/', secure: isProduction } });

const base = { sessionName: 'session' };
// ruleid: fastify-secure-session secure-missing fixable
app.register(secureSession, { ...base, key, cookie: { secure: isProduction } });
