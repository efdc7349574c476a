module.exports.session = {
  secret: 'b1f0e4c1d2a3',
  // Off for the developer's server; production turns it on.
  // ok: sails-session-config
  cookie: { secure: false },
};
