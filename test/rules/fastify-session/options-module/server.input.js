const fastify = require('fastify')();
const sessionOptions = require('./session-options');

fastify.register(require('@fastify/cookie'));
fastify.register(require('@fastify/session'), sessionOptions);
