module.exports = async function (fastify) {
  fastify.post('/login', async (request, reply) => {
    const token = await fastify.issueToken(request.body);
    reply.setCookie('token', token, { path: '/', maxAge: 3600 });
    reply.setCookie('session_id', request.session.id);
    // ok: fastify-set-cookie
    reply.setCookie('refresh_token', token, { path: '/auth', secure: true });
    // ruleid: fastify-set-cookie secure-false fixable
    reply.setCookie('remember_token', token, { secure: false });
    return { ok: true };
  });
};
