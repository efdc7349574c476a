module.exports = {
  datastores: {
    default: {},
  },

  session: {
    // adapter: '@sailshq/connect-redis',
    // name: '__Host-sails.sid',
    // ruleid: sails-session-config secure-missing fixable
    cookie: {
      // secure: true,
      maxAge: 24 * 60 * 60 * 1000,  // 24 hours
    },
  },

  http: {
    cache: 365.25 * 24 * 60 * 60 * 1000, // One year
    // trustProxy: true,
  },
};
