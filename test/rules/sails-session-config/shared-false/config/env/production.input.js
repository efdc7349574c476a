module.exports = {
  // ruleid: sails-session-config secure-missing fixable
  session: {
    adapter: '@sailshq/connect-redis',
  },
};
