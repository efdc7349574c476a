const Fastify = require('fastify');

const app = Fastify({ logger: true });

app.register(require('@fastify/cookie'), {
  secret: process.env.COOKIE_SECRET,
  // ruleid: fastify-set-cookie secure-missing fixable
  parseOptions: {
    httpOnly: true,
    sameSite: 'lax',
  },
});
app.register(require('./routes/auth'));

module.exports = app;
