module.exports = {
  session: {
    // ruleid: sails-session-config secure-false fixable
    cookie: { secure: true, maxAge: 86400000 },
  },
};
