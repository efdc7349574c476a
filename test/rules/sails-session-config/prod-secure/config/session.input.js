module.exports.session = {
  secret: 'b1f0e4c1d2a3',
  // Secure is missing here, but production sets it.
  // ok: sails-session-config
  cookie: { maxAge: 86400000 },
};
