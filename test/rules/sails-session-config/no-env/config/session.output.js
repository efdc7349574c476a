module.exports.session = {
  secret: 'b1f0e4c1d2a3',
  // ruleid: sails-session-config httpOnly-false secure-missing manual
  cookie: {
    httpOnly: true,
    maxAge: 86400000,
  },
};
