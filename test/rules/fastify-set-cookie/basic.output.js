'use strict';

const isProduction = process.env.NODE_ENV === 'production';
// ruleid: fastify-set-cookie secure-missing fixable
const refreshOptions = {
  path: '/auth/refresh',
  httpOnly: true,
  secure: isProduction,
};

module.exports = async function routes(fastify) {
  fastify.post('/login', async (req, reply) => {
    const { token, sessionId } = await fastify.auth.login(req.body);
    // ruleid: fastify-set-cookie httpOnly-missing secure-missing fixable
    reply.setCookie('token', token, { path: '/', httpOnly: true, secure: isProduction });
    // ruleid: fastify-set-cookie httpOnly-missing secure-missing fixable
    reply.setCookie('session_id', sessionId, {
      path: '/',
      maxAge: 60 * 60 * 24,
      httpOnly: true,
      secure: isProduction,
    });
    // ruleid: fastify-set-cookie httpOnly-missing secure-missing fixable
    reply.setCookie('sid', sessionId, { httpOnly: true, secure: isProduction });
    // ruleid: fastify-set-cookie httpOnly-false secure-false fixable
    reply.cookie('remember_me', '1', { httpOnly: false, secure: isProduction });
    // ruleid: fastify-set-cookie secure-conditional conditional
    reply.setCookie('auth', token, { httpOnly: true, secure: isProduction });
    // ok: fastify-set-cookie
    reply.setCookie('auth', token, { httpOnly: true, secure: 'auto' });
    reply.setCookie('refresh_token', token, refreshOptions);
    return { ok: true };
  });

  fastify.get('/prefs', async (req, reply) => {
    // ruleid: fastify-set-cookie httpOnly-missing manual
    reply.setCookie('theme', req.query.theme, { secure: true, sameSite: 'lax' });
    // ruleid: fastify-set-cookie secure-missing fixable
    reply.setCookie('XSRF-TOKEN', await reply.generateCsrf(), { path: '/', secure: isProduction });
    // ok: fastify-set-cookie
    reply.setCookie('csrf_token', await reply.generateCsrf(), { secure: true });
    return {};
  });
};

function withDefaults(reply, name, value, extra) {
  // ruleid: fastify-set-cookie httpOnly-unknown secure-unknown conditional
  reply.setCookie(name, value, { path: '/', ...extra });
}

module.exports.withDefaults = withDefaults;

async function e2e(page) {
  // ok: fastify-set-cookie
  await page.setCookie({ name: 'sid', value: 'x' });
  // ok: fastify-set-cookie
  cy.setCookie('sid', 'x', { httpOnly: false });
}
module.exports.e2e = e2e;
