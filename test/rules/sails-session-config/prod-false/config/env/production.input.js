module.exports = {
  session: {
    // ruleid: sails-session-config secure-false fixable
    cookie: { secure: false, maxAge: 86400000 },
  },
};
