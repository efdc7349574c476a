export const secureSessionOptions = {
  key: Buffer.from(process.env.SESSION_KEY ?? '', 'hex'),
  // ruleid: fastify-secure-session secure-missing fixable
  cookie: {
    path: '/',
    httpOnly: true,
    secure: true,
  },
};
