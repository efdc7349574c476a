module.exports = {
  session: {
    // ok: sails-session-config
    cookie: {
      secure: true,
      maxAge: 24 * 60 * 60 * 1000,
    },
  },
  http: { trustProxy: true },
};
