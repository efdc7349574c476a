module.exports = {
  // ok: sails-session-config
  session: { cookie: { secure: true } },
};
