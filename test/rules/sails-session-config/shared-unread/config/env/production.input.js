module.exports = {
  session: {
    // ruleid: sails-session-config secure-missing fixable
    cookie: { maxAge: 86400000 },
  },
};
