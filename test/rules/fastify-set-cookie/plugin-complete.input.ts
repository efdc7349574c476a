import Fastify from 'fastify';
import cookie from '@fastify/cookie';

const app = Fastify();
await app.register(cookie, { parseOptions: { httpOnly: true, secure: true, sameSite: 'lax' } });

app.get('/login', async (_request, reply) => {
  // ok: fastify-set-cookie
  reply.setCookie('session', 'abc');
  // ok: fastify-set-cookie
  reply.setCookie('token', 'abc', { path: '/' });
  // ruleid: fastify-set-cookie httpOnly-false manual
  reply.setCookie('token', 'abc', { path: '/', httpOnly: false });
  return 'ok';
});
