module.exports = {
  session: {
    // ruleid: sails-session-config secure-conditional conditional
    cookie: { secure: process.env.USE_HTTPS === 'true' },
  },
};
