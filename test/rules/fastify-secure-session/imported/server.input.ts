import Fastify from 'fastify';
import fastifySecureSession from '@fastify/secure-session';
import { secureSessionOptions } from './options';

const app = Fastify();
app.register(fastifySecureSession, secureSessionOptions);

// ruleid: fastify-secure-session secure-false fixable
const adminSession = { key: Buffer.alloc(32), cookieName: 'admin', cookie: { secure: false } };
app.register(fastifySecureSession, adminSession);
