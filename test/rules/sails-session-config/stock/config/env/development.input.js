module.exports = {
  // A developer's environment: Secure off is fine here.
  // ok: sails-session-config
  session: { cookie: { secure: false } },
};
