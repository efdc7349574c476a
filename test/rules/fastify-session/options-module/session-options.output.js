module.exports = {
  secret: process.env.SESSION_SECRET,
  // ruleid: fastify-session secure-false fixable
  cookie: { secure: true, sameSite: 'lax' },
};
