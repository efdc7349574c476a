const fastify = require('fastify')();

fastify.register(require('@fastify/cookie'), { parseOptions: { secure: true } });
// ok: fastify-secure-session
fastify.register(require('@fastify/secure-session'), { key: process.env.KEY, cookie: { path: '/' } });
